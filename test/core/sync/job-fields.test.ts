// A job's field selection through the pump: the connector is asked for the fields the output, the filters and the
// pump need; the file holds only the selected ones; the sync state keeps no left-out field, so a change to one
// nobody exports rewrites nothing, while a change to a selected field does.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarViewOptions } from '../../../src/core/connectors/connector.js';
import { fieldsToKeep, fieldsToRead, keepFields } from '../../../src/core/sync/event-fields.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';
import { FakeConnector, makeEvent } from '../../support/fake-connector.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { readJson } from '../../support/typed-json.js';

const ANNA = 'anna@contoso.com';

/** A fake connector that remembers the options of every calendarView call. */
class Recording extends FakeConnector {
  readonly viewOptions: CalendarViewOptions[] = [];
  override calendarView(mailbox: string, folderId: string, from: Date, to: Date, opts: CalendarViewOptions = {}) {
    this.viewOptions.push(opts);
    return super.calendarView(mailbox, folderId, from, to);
  }
}

describe('fields to read and keep', () => {
  it('reads the selection, the identity, what ICS always writes and what the filters test', () => {
    expect(fieldsToRead(undefined, { format: 'json' })).toBeUndefined();
    const json = fieldsToRead(['subject'], { format: 'json', filters: { private: 'include' } })!;
    expect(new Set(json)).toEqual(new Set(['subject', 'id', 'uid', 'originalStart', 'start', 'end']));
    const ics = fieldsToRead(['start'], { format: 'ics', filters: { private: 'mask', exclusionMarker: '##', includeCancelled: false } })!;
    expect(ics).toEqual(expect.arrayContaining(['isAllDay', 'lastModified', 'sensitivity', 'subject', 'isCancelled']));
    expect(ics).not.toContain('organizer');
    const people = fieldsToRead(['attendees', 'body'], { format: 'json', filters: { includeAttendees: false, includeBody: false } })!;
    expect(people).not.toContain('attendees');
    expect(people).not.toContain('body');
  });

  it('keeps the selected fields and the identity, and empties the rest', () => {
    const e = makeEvent({
      id: 'x',
      subject: 'Board',
      location: 'Room 1',
      start: '2026-03-02T09:00:00.000Z',
      end: '2026-03-02T10:00:00.000Z',
      organizer: { name: 'Anna', email: ANNA },
    });
    const kept = keepFields(e, fieldsToKeep(['location'], { format: 'json' }));
    expect(kept).toMatchObject({ id: 'x', iCalUId: e.iCalUId, start: e.start, end: e.end, location: 'Room 1', subject: '' });
    expect(kept.organizer).toBeUndefined();
    expect(keepFields(e, undefined)).toBe(e);
  });
});

describe('runJob with a field selection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.cleanup());

  it('asks for what it needs, writes the selected keys, and rewrites only when a selected field changes', async () => {
    const c = new Recording();
    const single = makeEvent({
      id: 'single',
      subject: 'Inside',
      location: 'Room 1',
      start: '2026-03-02T09:00:00.000Z',
      end: '2026-03-02T10:00:00.000Z',
    });
    c.put(ANNA, 'calendar', single);
    const job = h.job({
      mailboxes: { mode: 'list', list: [ANNA] },
      format: 'json',
      fields: ['uid', 'subject', 'start', 'end'],
      filters: { private: 'include' },
    });
    const first = await h.run(job, c);
    expect(first.record.status).toBe('ok');
    const file = join(h.dir, 'out', `${ANNA}__calendar.json`);
    const rows = await readJson<Array<Record<string, unknown>>>(file);
    expect(rows).toEqual([{ iCalUId: single.iCalUId, subject: 'Inside', start: single.start, end: single.end }]);
    expect(new Set(c.viewOptions[0].fields)).toEqual(new Set(['id', 'uid', 'originalStart', 'subject', 'start', 'end']));
    // The state on disk holds no left-out field.
    const state = await h.states.load({ jobId: job.id, mailbox: ANNA, folder: 'calendar' });
    expect(state?.events).toHaveLength(1);
    expect(JSON.stringify(state)).not.toContain('Room 1');

    const mtime = (await stat(file)).mtimeMs;
    const item = c.item(ANNA, 'calendar', 'single');
    const change = (e: Partial<NormalisedEvent>) =>
      c.put(ANNA, 'calendar', { ...item, events: [{ ...item.events[0], ...e, lastModified: new Date().toISOString() }] });
    change({ location: 'Room 2' });
    const second = await h.run(job, c);
    expect(second.record).toMatchObject({ status: 'ok', itemsWritten: 0 });
    expect((await stat(file)).mtimeMs).toBe(mtime);

    change({ subject: 'Renamed' });
    const third = await h.run(job, c);
    expect(third.record).toMatchObject({ status: 'ok', itemsWritten: 1 });
    expect((await readJson<Array<Record<string, unknown>>>(file))[0].subject).toBe('Renamed');
  });

  it('a new selection is a new output: the next run rewrites the file with the new keys', async () => {
    const c = new Recording();
    c.put(
      ANNA,
      'calendar',
      makeEvent({ id: 'single', subject: 'Inside', start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' }),
    );
    const job = (fields: string[]) => h.job({ mailboxes: { mode: 'list', list: [ANNA] }, format: 'json', fields });
    await h.run(job(['uid', 'start', 'end', 'subject']), c);
    await h.run(job(['uid', 'start', 'end']), c);
    const rows = await readJson<Array<Record<string, unknown>>>(join(h.dir, 'out', `${ANNA}__calendar.json`));
    expect(Object.keys(rows[0])).toEqual(['iCalUId', 'start', 'end']);
  });
});
