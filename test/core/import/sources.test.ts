// Source parsers and row mapping: line numbers of broken rows, separators, date formats, all-day ends,
// iCalendar zones/recurrences/exceptions, JSON element lines, and job defaults.
import { renderEngineText } from '../../../src/shared/i18n/engine-texts.js';
import { describe, expect, it } from 'vitest';
import { importJobSchema, type ImportJobInput } from '../../../src/core/import/import-job.js';
import { rowToItem } from '../../../src/core/import/row-to-item.js';
import { parseCsv } from '../../../src/core/import/sources/parse-csv.js';
import { parseIcs } from '../../../src/core/import/sources/parse-ics.js';
import { parseJson } from '../../../src/core/import/sources/parse-json.js';

const job = (over: Partial<ImportJobInput> = {}) => importJobSchema.parse({ id: 'j', source: { path: '/x.csv' }, ...over });

describe('CSV', () => {
  it('reports a broken record with its line and keeps the others', () => {
    const text = 'id,mailbox,start,end\n1,a@x.com,2026-03-10,2026-03-11\n2,b@x.com,2026-03-10\n3,c@x.com,2026-03-12,2026-03-12\n';
    const doc = parseCsv('abs.csv', text);
    expect(doc.rows.map((r) => [r.line, r.fields.id])).toEqual([
      [2, '1'],
      [4, '3'],
    ]);
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({ file: 'abs.csv', line: 3 });
    expect(renderEngineText(doc.problems[0].problem, 'en')).toMatch(/number of fields|Record Length|columns/i);
  });

  it('guesses a semicolon separator (German Excel) and strips a BOM', () => {
    const doc = parseCsv('de.csv', '\uFEFFID;E-Mail;Von;Bis;Grund\n7;anna.schmidt@contoso.com;10.03.2026;12.03.2026;Urlaub\n');
    expect(doc.rows[0].fields).toMatchObject({ ID: '7', 'E-Mail': 'anna.schmidt@contoso.com', Von: '10.03.2026', Grund: 'Urlaub' });
    const r = rowToItem(doc.rows[0], job({ timeZone: 'Europe/Berlin' }));
    expect(r.item).toMatchObject({ key: '7', mailboxes: ['anna.schmidt@contoso.com'] });
    // "bis 12.03." is the last day of the absence: the appointment ends at the start of the 13th.
    expect(r.item!.appointment).toMatchObject({
      subject: 'Urlaub',
      isAllDay: true,
      start: '2026-03-10T00:00:00.000Z',
      end: '2026-03-13T00:00:00.000Z',
      showAs: 'oof',
      timeZone: 'Europe/Berlin',
      reminderMinutes: undefined,
    });
  });
});

describe('row mapping', () => {
  const row = (fields: Record<string, string>) => ({ file: 'f.csv', line: 9, fields });

  it('timed rows use the job zone unless the value has an offset', () => {
    const j = job({ timeZone: 'Europe/Amsterdam', showAs: 'busy', categories: ['HR'] });
    const r = rowToItem(
      row({
        id: 'x',
        mailbox: 'jan.devries@contoso.com',
        subject: 'Training',
        start: '2026-03-10 09:00',
        end: '2026-03-10T11:30:00Z',
        categories: 'Course; HR',
      }),
      j,
    );
    expect(r.item!.appointment).toMatchObject({
      isAllDay: false,
      start: '2026-03-10T08:00:00.000Z',
      end: '2026-03-10T11:30:00.000Z',
      showAs: 'busy',
      categories: ['HR', 'Course'],
    });
  });

  it.each([
    [{ mailbox: 'a@x.com', subject: 's', start: '2026-02-30', end: '' }, /start "2026-02-30" is not a date/],
    [{ mailbox: 'a@x.com', subject: 's', start: '2026-03-10 09:00', end: '' }, /end is empty/],
    [{ mailbox: 'a@x.com', subject: 's', start: '2026-03-10 09:00', end: '2026-03-10 08:00' }, /not after start/],
    [{ mailbox: 'not-an-address', subject: 's', start: '2026-03-10' }, /not an e-mail address/],
    [{ mailbox: 'a@x.com', start: '2026-03-10' }, /subject is empty/],
    [{ mailbox: 'a@x.com', subject: 's', start: '2026-03-10', showAs: 'sleeping' }, /showAs "sleeping"/],
    [{ subject: 's', start: '2026-03-10' }, /no mailbox/],
  ])('rejects %j with a clear problem and its line', (fields, problem) => {
    const r = rowToItem(row({ id: 'k1', ...fields }), job());
    expect(r.item).toBeUndefined();
    expect(r.problem).toMatchObject({ file: 'f.csv', line: 9, key: 'k1' });
    expect(renderEngineText(r.problem!.problem, 'en')).toMatch(problem);
  });

  it('job defaults fill subject and mailboxes; without an id the key is who + when', () => {
    const r = rowToItem(
      row({ start: '2026-05-01' }),
      job({ mailboxes: ['A@x.com', 'b@x.com'], defaultSubject: 'Public holiday', showAs: 'oof' }),
    );
    expect(r.item).toMatchObject({
      key: 'a@x.com;b@x.com|2026-05-01T00:00:00.000Z|2026-05-02T00:00:00.000Z',
      mailboxes: ['a@x.com', 'b@x.com'],
    });
    expect(r.item!.appointment.subject).toBe('Public holiday');
  });

  it('custom column names win over the aliases', () => {
    const j = job({ columns: { id: 'Personalnummer-Tag', mailbox: 'Mitarbeiter' } });
    const r = rowToItem(row({ 'Personalnummer-Tag': '42-1', Mitarbeiter: 'x@y.com', subject: 's', start: '2026-03-10' }), j);
    expect(r.item).toMatchObject({ key: '42-1', mailboxes: ['x@y.com'] });
  });
});

describe('JSON', () => {
  it('keeps the line each element starts on, also inside {"items": [...]}', () => {
    const text =
      '{\n  "meta": [1, 2],\n  "items": [\n    {"id": "a", "start": "2026-03-10"},\n    "oops",\n    {\n      "id": "c"\n    }\n  ]\n}\n';
    const doc = parseJson('a.json', text);
    expect(doc.rows.map((r) => [r.line, r.fields.id])).toEqual([
      [4, 'a'],
      [6, 'c'],
    ]);
    expect(doc.problems).toEqual([{ file: 'a.json', line: 5, problem: { key: 'problem.row.elementNotObject', params: { index: '2' } } }]);
    expect(renderEngineText(doc.problems[0].problem, 'de')).toBe('Element 2 ist kein Objekt');
  });

  it('reads JSON lines and reports a bad line', () => {
    const doc = parseJson('a.ndjson', '{"id":"1"}\n{"id":\n{"id":"3"}\n');
    expect(doc.rows.map((r) => r.line)).toEqual([1, 3]);
    expect(doc.problems[0]).toMatchObject({ line: 2 });
  });
});

describe('iCalendar', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'UID:holiday-1',
    'DTSTART;VALUE=DATE:20260406',
    'DTEND;VALUE=DATE:20260407',
    'SUMMARY:Easter Monday',
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:broken',
    'DTSTART:2026-99-99',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:standup',
    'DTSTART;TZID=W. Europe Standard Time:20260309T091500',
    'DTEND;TZID=W. Europe Standard Time:20260309T093000',
    'RRULE:FREQ=DAILY;COUNT=3',
    'SUMMARY:Standup',
    'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:standup',
    'RECURRENCE-ID;TZID=W. Europe Standard Time:20260310T091500',
    'DTSTART;TZID=W. Europe Standard Time:20260310T100000',
    'DTEND;TZID=W. Europe Standard Time:20260310T101500',
    'SUMMARY:Standup (moved)',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

  it('reads all-day and timed events, expands a series with its exception, and reports a broken event', () => {
    const doc = parseIcs('h.ics', ics, { now: new Date('2026-03-01T00:00:00Z'), expandDays: 60, timeZone: 'UTC' });
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({ line: 10, key: 'broken' });
    const j = job({ mailboxes: ['a@x.com'] });
    const items = doc.rows.map((r) => rowToItem(r, j).item!);
    expect(items.map((i) => [i.key, i.appointment.subject, i.appointment.start, i.appointment.end, i.appointment.showAs, i.line])).toEqual([
      ['holiday-1', 'Easter Monday', '2026-04-06T00:00:00.000Z', '2026-04-07T00:00:00.000Z', 'free', 3],
      ['standup/2026-03-09T08:15:00.000Z', 'Standup', '2026-03-09T08:15:00.000Z', '2026-03-09T08:30:00.000Z', 'busy', 14],
      ['standup/2026-03-10T08:15:00.000Z', 'Standup (moved)', '2026-03-10T09:00:00.000Z', '2026-03-10T09:15:00.000Z', 'busy', 14],
      ['standup/2026-03-11T08:15:00.000Z', 'Standup', '2026-03-11T08:15:00.000Z', '2026-03-11T08:30:00.000Z', 'busy', 14],
    ]);
  });

  it('an event without DTSTART is a row problem named by an engine text', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:nostart', 'SUMMARY:x', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const doc = parseIcs('n.ics', text, { now: new Date('2026-03-01T00:00:00Z'), expandDays: 60, timeZone: 'UTC' });
    expect(doc.rows).toEqual([]);
    expect(doc.problems).toEqual([{ file: 'n.ics', line: 3, problem: { key: 'problem.row.noStart' }, key: 'nostart' }]);
    expect(renderEngineText(doc.problems[0].problem, 'nl')).toBe('het begin is leeg');
  });
});
