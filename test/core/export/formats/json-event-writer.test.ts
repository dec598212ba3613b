// The field-by-field JSON writer against JSON.stringify of the ordered event: byte-identical for every field
// selection and for awkward values (escapes, control characters, lone and paired surrogates, absent and empty
// fields, values of shapes the schema does not allow).
import { describe, expect, it } from 'vitest';
import { eventKeysOf, orderedEvent } from '../../../../src/core/export/formats/json.js';
import { eventWriter, jsonString } from '../../../../src/core/export/formats/json-event-writer.js';
import { EVENT_FIELDS, type EventField } from '../../../../src/shared/event-fields.js';
import type { NormalisedEvent } from '../../../../src/shared/model.js';
import { makeEvent } from '../../../support/fake-connector.js';
import { sampleEvents } from '../../../support/sample-events.js';

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
const ODD_STRINGS = [
  '',
  'plain',
  '"quoted" and \\back\\slashed\\',
  CONTROL,
  '\u007f\u0080\u00ff',
  'tab\there\nnew line\r\n',
  'lone high \ud800 end',
  'lone low \udc00 end',
  '\udbff',
  'pair 😀 ok',
  'reversed \udc00\ud800 pair',
  'äöü ß € 日本語 \u2028 \u2029',
  '</script><!-- -->',
  'a'.repeat(5000),
];

/** Events holding every odd string in every string field, and odd shapes the generic encoding also accepts. */
function oddEvents(): NormalisedEvent[] {
  const out: NormalisedEvent[] = [...sampleEvents()];
  ODD_STRINGS.forEach((s, i) =>
    out.push(
      makeEvent({
        id: s,
        seriesId: s,
        originalStart: s,
        iCalUId: s,
        subject: s,
        start: s,
        end: s,
        timeZone: s,
        location: s,
        body: s,
        lastModified: s,
        isAllDay: i % 2 === 0,
        isCancelled: i % 3 === 0,
        organizer: i % 4 === 0 ? { name: s } : i % 4 === 1 ? { email: s } : i % 4 === 2 ? {} : { name: s, email: s },
        attendees: [
          { name: s, email: s, type: 'required', response: 'accepted' },
          { email: s, type: 'optional', response: 'none' },
        ],
        categories: [s, s, ''],
      }),
    ),
  );
  const base = makeEvent({ start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' });
  const odd = (over: Record<string, unknown>) => ({ ...base, ...over });
  out.push(
    odd({ organizer: undefined, attendees: undefined, body: undefined, seriesId: undefined }),
    odd({ organizer: null, attendees: null }),
    odd({ organizer: '', attendees: [] }),
    odd({ organizer: 'not a person' }),
    odd({ organizer: { name: 7, email: true, extra: 'dropped' } }),
    odd({ attendees: [{ name: 'A', extra: 1 }, { type: 'resource' }] }),
    odd({ categories: ['a', undefined, null, 3, { x: 1 }] }),
    odd({ subject: 42, isAllDay: 0, location: null }),
    odd({ start: new Date(Date.UTC(2026, 2, 2)), end: { toJSON: () => 'custom' } }),
    odd({ subject: () => 'a function is left out', location: Symbol('also left out') }),
    odd({ showAs: ['nested', ['list']], sensitivity: { a: 'b' } }),
    odd({ lastModified: Number.NaN, timeZone: Infinity }),
  );
  return out;
}

const generic = (keys: readonly string[]) => (e: NormalisedEvent) => JSON.stringify(orderedEvent(e, keys));

/** Every single field, every field, none of a few, and 200 random selections. */
function selections(): Array<EventField[] | undefined> {
  const out: Array<EventField[] | undefined> = [undefined, [...EVENT_FIELDS], ...EVENT_FIELDS.map((f) => [f])];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 200; i++) {
    const pickd = EVENT_FIELDS.filter(() => random() < 0.5);
    if (pickd.length) out.push(pickd);
  }
  return out;
}

describe('JSON event writer', () => {
  it('writes string literals exactly as JSON.stringify does', () => {
    for (const s of ODD_STRINGS) expect(jsonString(s)).toBe(JSON.stringify(s));
    // Every UTF-16 code unit on its own and next to an ordinary one.
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (jsonString(s) !== JSON.stringify(s) || jsonString(`a${s}b`) !== JSON.stringify(`a${s}b`)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('writes every event byte for byte as JSON.stringify of the ordered event, for every field selection', () => {
    const events = oddEvents();
    for (const fields of selections()) {
      const keys = eventKeysOf(fields);
      const write = eventWriter(keys, generic(keys));
      for (const e of events) expect(write(e)).toBe(generic(keys)(e));
    }
  });

  it('hands an event with a value of another shape to the generic encoding, and only then', () => {
    const keys = eventKeysOf(undefined);
    const seen: NormalisedEvent[] = [];
    const write = eventWriter(keys, (e) => {
      seen.push(e);
      return generic(keys)(e);
    });
    for (const e of sampleEvents()) write(e);
    expect(seen).toEqual([]);
    const odd = { ...sampleEvents()[0], subject: 42 } as unknown as NormalisedEvent;
    expect(write(odd)).toBe(generic(keys)(odd));
    expect(seen).toEqual([odd]);
  });

  it('fails like the generic encoding where that fails (a missing attendee, a BigInt)', () => {
    const keys = eventKeysOf(undefined);
    const write = eventWriter(keys, generic(keys));
    const base = sampleEvents()[0];
    for (const bad of [{ attendees: [null] }, { subject: BigInt(1) }, { attendees: 'x' }]) {
      const e = { ...base, ...bad } as unknown as NormalisedEvent;
      expect(() => generic(keys)(e)).toThrow();
      expect(() => write(e)).toThrow();
    }
  });
});
