// JSON: an array of NormalisedEvent with keys in the schema's order, so two exports of the same data are
// byte-identical and diff cleanly. One event per line keeps files greppable and streamable.
// Events are written by a serializer built once per field selection (json-event-writer.ts), byte for byte what
// JSON.stringify(orderedEvent(e)) writes, without the ordered copy of every event.
import { EVENT_FIELDS, normaliseFields, type EventField } from '../../../shared/event-fields.js';
import type { NormalisedEvent } from '../../../shared/model.js';
import { ATTENDEE_KEYS, eventWriter, PERSON_KEYS } from './json-event-writer.js';
import type { EventEncoder } from './types.js';

/** An event field's JSON key: the field names are the keys, except `uid` (iCalUId). */
const keyOf = (f: EventField): keyof NormalisedEvent => (f === 'uid' ? 'iCalUId' : f);
/** Every key, in the order of EVENT_FIELDS. */
const EVENT_KEYS: readonly string[] = EVENT_FIELDS.map(keyOf);

/** The defined fields of `o` named by `keys`, in that order. */
export function pick<T extends object>(o: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The event keys a field selection writes, in the fixed order (absent selection: every key). */
export function eventKeysOf(fields: readonly EventField[] | undefined): readonly string[] {
  return fields ? normaliseFields(fields).map(keyOf) : EVENT_KEYS;
}

/** The event with a fixed key order and no undefined fields; only `keys` (eventKeysOf) when given. */
export function orderedEvent(e: NormalisedEvent, keys: readonly string[] = EVENT_KEYS): Record<string, unknown> {
  const out = pick(e, keys);
  if (e.organizer && out.organizer) out.organizer = pick(e.organizer, PERSON_KEYS);
  if (e.attendees && out.attendees) out.attendees = e.attendees.map((a) => pick(a, ATTENDEE_KEYS));
  return out;
}

export function createJsonEncoder(fields?: readonly EventField[]): EventEncoder {
  const keys = eventKeysOf(fields);
  const write = eventWriter(keys, (e) => JSON.stringify(orderedEvent(e, keys)));
  let first = true;
  return {
    format: 'json',
    extension: 'json',
    mediaType: 'application/json',
    begin: () => '[',
    event(e) {
      const sep = first ? '\n' : ',\n';
      first = false;
      return sep + write(e);
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}
