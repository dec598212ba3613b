// An encoder turns one mailbox-folder's events into text piece by piece (header, one chunk per event,
// footer), so a writer can stream to disk or a socket without holding more than the current chunk.
import type { EventField } from '../../../shared/event-fields.js';
import type { NormalisedEvent } from '../../../shared/model.js';

export type ExportFormat = 'ics' | 'json' | 'csv';

export interface FolderMeta {
  mailbox: string;
  /** Folder as addressed in the job: a distinguished id ('calendar') or a folder id. */
  folder: string;
  /** Human name shown by calendar clients (X-WR-CALNAME); defaults to "<mailbox> – <folder>". */
  calendarName?: string;
}

export interface EncoderOptions {
  /** CSV: write cells that start with =, +, -, @, tab or CR as they are (default: prefixed with a single quote). */
  csvKeepFormulas?: boolean;
  /** ICS: one VEVENT per series with RRULE/EXDATE and RECURRENCE-ID overrides (default: one VEVENT per occurrence). */
  icsSeries?: boolean;
  /**
   * Calendar events: only these fields (JSON keys; CSV columns besides mailbox, folder and eventKey; ICS properties
   * besides UID, DTSTART, DTEND, DTSTAMP and RECURRENCE-ID). Absent: every field.
   */
  fields?: readonly EventField[];
  /** Contacts and tasks jobs: the kind of item every file holds (an empty folder's CSV still gets its header). */
  itemKind?: 'contact' | 'task';
}

export interface EventEncoder {
  readonly format: ExportFormat;
  readonly extension: string;
  readonly mediaType: string;
  begin(): string;
  event(e: NormalisedEvent): string;
  end(): string;
}

export function calendarNameOf(meta: FolderMeta): string {
  return meta.calendarName ?? `${meta.mailbox} – ${meta.folder}`;
}

/** Encodes a whole (small) set at once; writers of large sets use the encoder chunk by chunk. */
export function encodeAll(encoder: EventEncoder, events: Iterable<NormalisedEvent>): string {
  const parts = [encoder.begin()];
  for (const e of events) parts.push(encoder.event(e));
  parts.push(encoder.end());
  return parts.join('');
}
