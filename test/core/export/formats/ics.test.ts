import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createEncoder, encodeAll } from '../../../../src/core/export/formats/index.js';
import { sampleEvents } from '../../../support/sample-events.js';

const meta = { mailbox: 'anna.schmidt@contoso.com', folder: 'calendar', calendarName: 'Anna Schmidt – Kalender' };

function parseIcs(text: string) {
  const cal = ICAL.Component.fromString(text);
  return { cal, vevents: cal.getAllSubcomponents('vevent') };
}

describe('ICS format', () => {
  const events = sampleEvents();
  const text = encodeAll(createEncoder('ics', meta), events);
  const { cal, vevents } = parseIcs(text);
  const byUidAndRid = (uid: string, rid?: string) =>
    vevents.find(
      (v) =>
        v.getFirstPropertyValue('uid') === uid &&
        (rid === undefined ? !v.hasProperty('recurrence-id') : new ICAL.Event(v).recurrenceId?.toJSDate().toISOString() === rid),
    )!;

  it('is one VCALENDAR with the calendar name and one VEVENT per event, CRLF lines of at most 75 octets', () => {
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(meta.calendarName);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(vevents).toHaveLength(events.length);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('folds long multi-byte lines at 75 octets and unfolds them back to the same text', () => {
    const long = sampleEvents()
      .slice(0, 1)
      .map((e) => ({ ...e, subject: 'Überprüfung der Raumbelegung — ' + 'äöü€'.repeat(40) }));
    const folded = encodeAll(createEncoder('ics', meta), long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(new ICAL.Event(parseIcs(folded).vevents[0]).summary).toBe(long[0].subject);
  });

  it('uses the iCalUId as UID and the original start as RECURRENCE-ID for occurrences and moved exceptions', () => {
    const occ = byUidAndRid('uid-series@contoso.com', '2026-03-04T08:00:00.000Z');
    const moved = new ICAL.Event(byUidAndRid('uid-series@contoso.com', '2026-03-05T08:00:00.000Z'));
    expect(new ICAL.Event(occ).startDate.toJSDate().toISOString()).toBe('2026-03-04T08:00:00.000Z');
    expect(moved.startDate.toJSDate().toISOString()).toBe('2026-03-05T10:00:00.000Z');
    expect(moved.summary).toBe('Stand-up (moved)');
  });

  it('writes UTC times, and all-day events as DATE values', () => {
    const plain = new ICAL.Event(byUidAndRid('uid-plain@contoso.com'));
    expect(plain.startDate.zone.tzid).toBe('UTC');
    expect(plain.startDate.toJSDate().toISOString()).toBe('2026-03-02T09:00:00.000Z');
    const allDay = new ICAL.Event(byUidAndRid('uid-allday@contoso.com'));
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe('2026-03-03');
    expect(allDay.endDate.toString()).toBe('2026-03-04');
    expect(byUidAndRid('uid-allday@contoso.com').getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('keeps text exactly, marks private items, cancelled items, attendees and the body', () => {
    const awkward = new ICAL.Event(byUidAndRid('uid-awkward@contoso.com'));
    expect(awkward.summary).toBe(events[1].subject);
    expect(awkward.location).toBe(events[1].location);
    expect(byUidAndRid('uid-private@contoso.com').getFirstPropertyValue('class')).toBe('PRIVATE');
    const kick = byUidAndRid('uid-body@contoso.com');
    expect(kick.getFirstPropertyValue('status')).toBe('CANCELLED');
    // iCalendar has one escaped line break (\n); CRLF in the body arrives as a plain line break.
    expect(new ICAL.Event(kick).description).toBe(events[6].body!.replace(/\r\n/g, '\n'));
    const attendees = kick.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase());
    expect(attendees).toEqual(['mailto:jan.devries@contoso.com', 'mailto:room.amsterdam@contoso.com']);
    expect(kick.getAllProperties('attendee')[1].getParameter('cutype')).toBe('RESOURCE');
  });

  it('is byte-identical for the same data (DTSTAMP comes from the item, not the clock)', () => {
    expect(encodeAll(createEncoder('ics', meta), sampleEvents())).toBe(text);
  });

  it('is a valid calendar with no events for an empty folder', () => {
    const empty = parseIcs(encodeAll(createEncoder('ics', meta), []));
    expect(empty.vevents).toHaveLength(0);
    expect(empty.cal.getFirstPropertyValue('x-wr-calname')).toBe(meta.calendarName);
  });
});
