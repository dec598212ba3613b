// CSV (RFC 4180: CRLF line ends, quoted fields where needed, a header row). One row per event or occurrence.
// Columns (also in README "Pump"):
//   mailbox, folder, eventKey, iCalUId, seriesId, originalStart, subject, start, end, timeZone, isAllDay,
//   location, organizerName, organizerEmail, attendees, showAs, sensitivity, isCancelled, categories,
//   lastModified, body
// Lists (attendees, categories) are joined with "; "; an attendee is "Name <email>". Times are ISO 8601 UTC.
import { stringify } from 'csv-stringify/sync';
import { eventKey, type NormalisedEvent } from '../../../shared/model.js';
import type { EventEncoder, FolderMeta } from './types.js';

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

export function csvRow(meta: FolderMeta, e: NormalisedEvent): string[] {
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

export function createCsvEncoder(meta: FolderMeta): EventEncoder {
  return {
    format: 'csv',
    extension: 'csv',
    mediaType: 'text/csv',
    begin: () => stringify([[...CSV_COLUMNS]], OPTIONS),
    event: (e) => stringify([csvRow(meta, e)], OPTIONS),
    end: () => '',
  };
}
