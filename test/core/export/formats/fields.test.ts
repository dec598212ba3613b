// A field selection in every format: JSON writes exactly the selected keys, CSV mailbox, folder, eventKey and the
// selected columns, ICS only the selected properties besides UID, DTSTART, DTEND, DTSTAMP and RECURRENCE-ID.
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createEncoder, encodeAll } from '../../../../src/core/export/formats/index.js';
import type { EventField } from '../../../../src/shared/event-fields.js';
import { sampleEvents } from '../../../support/sample-events.js';
import { parseJson } from '../../../support/typed-json.js';

const meta = { mailbox: 'anna.schmidt@contoso.com', folder: 'calendar' };
const DOOR_SIGN: EventField[] = ['uid', 'subject', 'start', 'end', 'location', 'isAllDay'];

describe('field selection', () => {
  it('JSON: exactly the selected keys, in the fixed order whatever the selection order', () => {
    const rows = parseJson<Array<Record<string, unknown>>>(
      encodeAll(createEncoder('json', meta, { fields: ['isAllDay', 'end', 'start', 'subject', 'location', 'uid'] }), sampleEvents()),
    );
    for (const r of rows) expect(Object.keys(r)).toEqual(['iCalUId', 'subject', 'start', 'end', 'isAllDay', 'location']);
    expect(rows[0]).toMatchObject({ iCalUId: 'uid-plain@contoso.com', subject: 'Weekly sync' });
  });

  it('JSON: without a selection, every key as before', () => {
    const all = encodeAll(createEncoder('json', meta), sampleEvents());
    expect(encodeAll(createEncoder('json', meta, {}), sampleEvents())).toBe(all);
    expect(all).toContain('"lastModified"');
  });

  it('CSV: mailbox, folder and eventKey, then the selected columns', () => {
    const csv = encodeAll(createEncoder('csv', meta, { fields: [...DOOR_SIGN, 'organizer'] }), sampleEvents());
    const [header, first]: string[][] = parse(csv);
    expect(header).toEqual([
      'mailbox',
      'folder',
      'eventKey',
      'iCalUId',
      'subject',
      'start',
      'end',
      'isAllDay',
      'location',
      'organizerName',
      'organizerEmail',
    ]);
    expect(first.slice(0, 5)).toEqual([
      'anna.schmidt@contoso.com',
      'calendar',
      'uid-plain@contoso.com',
      'uid-plain@contoso.com',
      'Weekly sync',
    ]);
  });

  it('ICS: no SUMMARY, LOCATION, ORGANIZER or ATTENDEE when not selected; UID, DTSTART, DTEND, DTSTAMP, RECURRENCE-ID always', () => {
    const ics = encodeAll(createEncoder('ics', meta, { fields: ['start', 'end'] }), sampleEvents());
    const events = new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents('vevent');
    expect(events).toHaveLength(sampleEvents().length);
    const names = new Set(events.flatMap((v) => v.getAllProperties().map((p) => p.name)));
    for (const gone of ['summary', 'location', 'organizer', 'attendee', 'categories', 'description', 'class', 'x-calpump-tzid', 'status'])
      expect(names.has(gone)).toBe(false);
    for (const kept of ['uid', 'dtstart', 'dtend', 'dtstamp', 'recurrence-id']) expect(names.has(kept)).toBe(true);
    const subjects = encodeAll(createEncoder('ics', meta, { fields: DOOR_SIGN }), sampleEvents());
    expect(subjects).toContain('SUMMARY:Weekly sync');
    expect(subjects).not.toContain('ORGANIZER');
  });

  it('ICS series: the selection holds for series and their overrides too', () => {
    const ics = encodeAll(createEncoder('ics', meta, { icsSeries: true, fields: ['start', 'end'] }), sampleEvents());
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).not.toMatch(/^(SUMMARY|LOCATION|ORGANIZER|ATTENDEE)/m);
  });
});
