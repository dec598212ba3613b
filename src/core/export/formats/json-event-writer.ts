// One event as JSON text, written field by field in a fixed key order: what JSON.stringify(orderedEvent(e, keys))
// writes, byte for byte, without building the ordered copy first (that copy and the generic serializer walking it
// were a tenth of an export's main-thread CPU). The typed shapes (strings, booleans, string lists, people) take
// the fast path; any other value hands the whole event to the caller's generic encoding, so odd input is written
// exactly as before.
import type { NormalisedEvent } from '../../../shared/model.js';

export const PERSON_KEYS = ['name', 'email'] as const;
export const ATTENDEE_KEYS = ['name', 'email', 'type', 'response'] as const;

/** A character JSON.stringify escapes: quote, backslash, control characters, and any surrogate (lone ones are
 * escaped, pairs are not: those strings go to JSON.stringify itself). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as a JSON literal, as JSON.stringify writes it. */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** Thrown inside a writer when a value is not of a typed shape: the event goes to the generic encoding. One
 * instance, made once: the odd path costs no stack capture. */
const ODD = new Error('odd value');

/** A scalar of a typed shape: string, boolean or null. */
function scalar(v: unknown): string {
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  throw ODD;
}

/** An object with the defined fields named by `keys`, in that order (what pick() then JSON.stringify write). */
function record(o: unknown, keys: readonly string[], heads: readonly string[]): string {
  if (o === null) return 'null';
  if (typeof o !== 'object') throw ODD;
  let out = '{';
  let comma = false;
  for (let i = 0; i < keys.length; i++) {
    const v = (o as Record<string, unknown>)[keys[i]];
    if (v === undefined) continue;
    out += (comma ? ',' : '') + heads[i] + scalar(v);
    comma = true;
  }
  return `${out}}`;
}

/** A list of scalars (categories, or any plain field that holds a list). */
function list(a: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    // JSON.stringify writes a hole or undefined in a list as null.
    out += (i ? ',' : '') + (v === undefined ? 'null' : scalar(v));
  }
  return `${out}]`;
}

const headsOf = (keys: readonly string[]) => keys.map((k) => `${JSON.stringify(k)}:`);
const PERSON_HEADS = headsOf(PERSON_KEYS);
const ATTENDEE_HEADS = headsOf(ATTENDEE_KEYS);

function plain(v: unknown): string {
  return Array.isArray(v) ? list(v) : scalar(v);
}

function person(v: unknown): string {
  // orderedEvent keeps a falsy organizer as it is (pick of a value that is not undefined).
  if (!v) return plain(v);
  return record(v, PERSON_KEYS, PERSON_HEADS);
}

function attendees(v: unknown): string {
  if (!v) return plain(v);
  if (!Array.isArray(v)) throw ODD;
  let out = '[';
  for (let i = 0; i < v.length; i++) {
    const a: unknown = v[i];
    // pick() of a missing attendee throws in the generic encoding: leave that to it.
    if (a === null || a === undefined) throw ODD;
    out += (i ? ',' : '') + record(a, ATTENDEE_KEYS, ATTENDEE_HEADS);
  }
  return `${out}]`;
}

/**
 * The writer for one key selection (built once per file): JSON text of an event with `keys` in order, undefined
 * fields left out. `generic` writes an event that holds a value of another shape.
 *
 * Each field is one concatenation of its head (`,"key":`, the comma and the opening quote of a string value
 * included) with the value: every piece added to the text is a node the file writer later has to flatten, and
 * a string field written as `,"key":"` + value + `"` makes three where head, comma and quoted literal made five.
 */
export function eventWriter(keys: readonly string[], generic: (e: NormalisedEvent) => string): (e: NormalisedEvent) => string {
  const heads = headsOf(keys);
  const commaHeads = heads.map((h) => `,${h}`);
  const quoteHeads = heads.map((h) => `${h}"`);
  const commaQuoteHeads = heads.map((h) => `,${h}"`);
  const encoders = keys.map((k) => (k === 'organizer' ? person : k === 'attendees' ? attendees : plain));
  /** Fields whose string value is a plain string literal (a string organizer is not). */
  const plainKey = encoders.map((f) => f === plain);
  return (e) => {
    try {
      let out = '{';
      let comma = false;
      for (let i = 0; i < keys.length; i++) {
        const v = (e as Record<string, unknown>)[keys[i]];
        if (v === undefined) continue;
        if (typeof v === 'string' && plainKey[i] && !NEEDS_ESCAPE.test(v)) out += (comma ? commaQuoteHeads[i] : quoteHeads[i]) + v + '"';
        else out += (comma ? commaHeads[i] : heads[i]) + encoders[i](v);
        comma = true;
      }
      return `${out}}`;
    } catch (err) {
      if (err === ODD) return generic(e);
      throw err;
    }
  };
}
