// CSV (RFC 4180: CRLF line ends, quoted fields where needed, a header row). One row per event or occurrence.
// Columns (also in README "Pump"):
//   mailbox, folder, eventKey, iCalUId, seriesId, originalStart, subject, start, end, timeZone, isAllDay,
//   location, organizerName, organizerEmail, attendees, showAs, sensitivity, isCancelled, categories,
//   lastModified, body
// A job's field selection keeps mailbox, folder and eventKey (the row's identity) and the selected fields' columns.
// Lists (attendees, categories) are joined with "; "; an attendee is "Name <email>". Times are ISO 8601 UTC.
// Anyone who can send a meeting request controls subjects, locations and names: a cell a spreadsheet would
// evaluate (leading =, +, -, @, tab or CR, also their full-width forms) is prefixed with a single quote by default
// (the OWASP rule), so Excel shows it as text. Machine consumers that want the raw text opt out per job.
import { stringify } from 'csv-stringify/sync';
import type { EventField } from '../../../shared/event-fields.js';
import { eventKey, type NormalisedEvent } from '../../../shared/model.js';
import type { EncoderOptions, EventEncoder, FolderMeta } from './types.js';

type Cell = (meta: FolderMeta, e: NormalisedEvent) => string;

/** Every column: its name, the field that brings it (none: always written) and its cell. */
const COLUMNS: ReadonlyArray<readonly [string, EventField | undefined, Cell]> = [
  ['mailbox', undefined, (m) => m.mailbox],
  ['folder', undefined, (m) => m.folder],
  ['eventKey', undefined, (_, e) => eventKey(e)],
  ['iCalUId', 'uid', (_, e) => e.iCalUId],
  ['seriesId', 'seriesId', (_, e) => e.seriesId ?? ''],
  ['originalStart', 'originalStart', (_, e) => e.originalStart ?? ''],
  ['subject', 'subject', (_, e) => e.subject],
  ['start', 'start', (_, e) => e.start],
  ['end', 'end', (_, e) => e.end],
  ['timeZone', 'timeZone', (_, e) => e.timeZone],
  ['isAllDay', 'isAllDay', (_, e) => String(e.isAllDay)],
  ['location', 'location', (_, e) => e.location],
  ['organizerName', 'organizer', (_, e) => e.organizer?.name ?? ''],
  ['organizerEmail', 'organizer', (_, e) => e.organizer?.email ?? ''],
  ['attendees', 'attendees', (_, e) => (e.attendees ?? []).map(person).join('; ')],
  ['showAs', 'showAs', (_, e) => e.showAs],
  ['sensitivity', 'sensitivity', (_, e) => e.sensitivity],
  ['isCancelled', 'isCancelled', (_, e) => String(e.isCancelled)],
  ['categories', 'categories', (_, e) => e.categories.join('; ')],
  ['lastModified', 'lastModified', (_, e) => e.lastModified],
  ['body', 'body', (_, e) => e.body ?? ''],
];

export const CSV_COLUMNS = COLUMNS.map(([name]) => name);

/** The columns a field selection writes: mailbox, folder and eventKey always, then the fields' own (absent: all). */
function columnsOf(fields: readonly EventField[] | undefined): ReadonlyArray<readonly [string, EventField | undefined, Cell]> {
  return fields ? COLUMNS.filter(([, f]) => !f || fields.includes(f)) : COLUMNS;
}

export function csvColumnsOf(fields: readonly EventField[] | undefined): string[] {
  return columnsOf(fields).map(([name]) => name);
}

// Bare CR or LF inside a field must be quoted too, or readers split the record (subjects and bodies contain them).
const OPTIONS = { record_delimiter: '\r\n', quoted_match: [/[\r\n]/, /^\s|\s$/] };

function person(p: { name?: string; email?: string }): string {
  if (p.name && p.email) return `${p.name} <${p.email}>`;
  return p.name ?? p.email ?? '';
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell as a spreadsheet shows it as text: a leading formula character gets a single quote in front. */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function csvRow(meta: FolderMeta, e: NormalisedEvent, o: EncoderOptions = {}): string[] {
  const row = columnsOf(o.fields).map(([, , cell]) => cell(meta, e));
  return o.csvKeepFormulas ? row : row.map(neutraliseCell);
}

export function createCsvEncoder(meta: FolderMeta, o: EncoderOptions = {}): EventEncoder {
  return {
    format: 'csv',
    extension: 'csv',
    mediaType: 'text/csv',
    begin: () => stringify([csvColumnsOf(o.fields)], OPTIONS),
    event: (e) => stringify([csvRow(meta, e, o)], OPTIONS),
    end: () => '',
  };
}
