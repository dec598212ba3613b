// The fields an export may be narrowed to (job.fields, `calpump export --fields`): integrators that need only
// times and a subject (door signs, presence, time tracking) get only those, and an administrator can keep subjects
// or organizers from ever leaving Exchange — the connectors do not even ask for a field nobody wants.
// Names are the JSON keys of an exported event, except `uid` (the key iCalUId). Absent selection = every field.
import { z } from 'zod';
import { problemKey } from './i18n/problem-key.js';

/** Every field, in the order every format writes them (a selection's own order does not matter). */
export const EVENT_FIELDS = [
  'id',
  'seriesId',
  'originalStart',
  'uid',
  'subject',
  'start',
  'end',
  'timeZone',
  'isAllDay',
  'location',
  'organizer',
  'attendees',
  'showAs',
  'sensitivity',
  'isCancelled',
  'categories',
  'body',
  'lastModified',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

const KNOWN: ReadonlySet<string> = new Set(EVENT_FIELDS);

export const isEventField = (s: string): s is EventField => KNOWN.has(s);

/** The allowed names as one list for a message ("id, seriesId, …"). */
export const EVENT_FIELD_LIST = EVENT_FIELDS.join(', ');

/** The selection in catalogue order, each field once. */
export function normaliseFields(fields: Iterable<string>): EventField[] {
  const want = new Set(fields);
  return EVENT_FIELDS.filter((f) => want.has(f));
}

/** A stored or typed selection: known names only (the problem lists the allowed ones), at least one, kept in catalogue order. */
export const eventFieldsSchema = z
  .array(z.string().trim())
  .min(1, problemKey('problem.fields.empty'))
  .superRefine((list, ctx) => {
    const unknown = list.find((f) => !isEventField(f));
    if (unknown !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: problemKey('problem.fields.unknown'),
        params: { name: unknown, allowed: EVENT_FIELD_LIST },
      });
  })
  .transform((list) => normaliseFields(list));

/** A comma-separated list as typed (`uid,subject,start`): the names, or the first unknown one. */
export function parseFieldList(list: readonly string[]): { fields: EventField[] } | { unknown: string } {
  const names = list
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.find((f) => !isEventField(f));
  if (unknown !== undefined) return { unknown };
  return { fields: normaliseFields(names) };
}

/** A short, stable signature of a selection (target ids: another selection means another output). */
export function fieldsSignature(fields: readonly EventField[] | undefined): string {
  if (!fields) return '';
  const bits = EVENT_FIELDS.reduce((n, f, i) => (fields.includes(f) ? n | (1 << i) : n), 0);
  return `-f${bits.toString(36)}`;
}
