// CSV (RFC 4180: CRLF line ends, quoted fields where needed, a header row). One row per event or occurrence.
// Columns (also in README "Pump"):
//   mailbox, folder, eventKey, iCalUId, seriesId, originalStart, subject, start, end, timeZone, isAllDay,
//   location, organizerName, organizerEmail, attendees, showAs, sensitivity, isCancelled, categories,
//   lastModified, body
// Lists (attendees, categories) are joined with "; "; an attendee is "Name <email>". Times are ISO 8601 UTC.
// Anyone who can send a meeting request controls subjects, locations and names: a cell a spreadsheet would
// evaluate (leading =, +, -, @, tab or CR, also their full-width forms) is prefixed with a single quote by default
// (the OWASP rule), so Excel shows it as text. Machine consumers that want the raw text opt out per job.
import { stringify } from 'csv-stringify/sync';
import { eventKey, type NormalisedEvent } from '../../../shared/model.js';
import type { EncoderOptions, EventEncoder, FolderMeta } from './types.js';

export const CSV_COLUMNS = [
  'mailbox',
  'folder',
  'eventKey',
  'iCalUId',
  'seriesId',
  'originalStart',
  'subject',
  'start',
  'end',
  'timeZone',
  'isAllDay',
  'location',
  'organizerName',
  'organizerEmail',
  'attendees',
  'showAs',
  'sensitivity',
  'isCancelled',
  'categories',
  'lastModified',
  'body',
] as const;

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
  const row = rawRow(meta, e);
  return o.csvKeepFormulas ? row : row.map(neutraliseCell);
}

function rawRow(meta: FolderMeta, e: NormalisedEvent): string[] {
  return [
    meta.mailbox,
    meta.folder,
    eventKey(e),
    e.iCalUId,
    e.seriesId ?? '',
    e.originalStart ?? '',
    e.subject,
    e.start,
    e.end,
    e.timeZone,
    String(e.isAllDay),
    e.location,
    e.organizer?.name ?? '',
    e.organizer?.email ?? '',
    (e.attendees ?? []).map(person).join('; '),
    e.showAs,
    e.sensitivity,
    String(e.isCancelled),
    e.categories.join('; '),
    e.lastModified,
    e.body ?? '',
  ];
}

export function createCsvEncoder(meta: FolderMeta, o: EncoderOptions = {}): EventEncoder {
  return {
    format: 'csv',
    extension: 'csv',
    mediaType: 'text/csv',
    begin: () => stringify([[...CSV_COLUMNS]], OPTIONS),
    event: (e) => stringify([csvRow(meta, e, o)], OPTIONS),
    end: () => '',
  };
}
