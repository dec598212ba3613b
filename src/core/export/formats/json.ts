// JSON: an array of NormalisedEvent with keys in the schema's order, so two exports of the same data are
// byte-identical and diff cleanly. One event per line keeps files greppable and streamable.
import type { NormalisedEvent } from '../../../shared/model.js';
import type { EventEncoder } from './types.js';

const EVENT_KEYS = [
  'id',
  'seriesId',
  'originalStart',
  'iCalUId',
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
] as const satisfies readonly (keyof NormalisedEvent)[];
const PERSON_KEYS = ['name', 'email'] as const;
const ATTENDEE_KEYS = ['name', 'email', 'type', 'response'] as const;

/** The defined fields of `o` named by `keys`, in that order. */
export function pick<T extends object>(o: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The event with a fixed key order and no undefined fields. */
export function orderedEvent(e: NormalisedEvent): Record<string, unknown> {
  const out = pick(e, EVENT_KEYS);
  if (e.organizer) out.organizer = pick(e.organizer, PERSON_KEYS);
  if (e.attendees) out.attendees = e.attendees.map((a) => pick(a, ATTENDEE_KEYS));
  return out;
}

export function createJsonEncoder(): EventEncoder {
  let first = true;
  return {
    format: 'json',
    extension: 'json',
    mediaType: 'application/json',
    begin: () => '[',
    event(e) {
      const sep = first ? '\n' : ',\n';
      first = false;
      return sep + JSON.stringify(orderedEvent(e));
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}
