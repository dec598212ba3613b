import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEncoder, encodeAll } from '../../../../src/core/export/formats/index.js';
import { normalisedEventSchema } from '../../../../src/shared/model.js';
import { sampleEvents } from '../../../support/sample-events.js';
import { parseJson } from '../../../support/typed-json.js';

const meta = { mailbox: 'anna.schmidt@contoso.com', folder: 'calendar' };

describe('JSON format', () => {
  it('writes an array that validates against the NormalisedEvent schema and round-trips every field', () => {
    const events = sampleEvents();
    const parsed = z.array(normalisedEventSchema).parse(JSON.parse(encodeAll(createEncoder('json', meta), events)));
    expect(parsed).toEqual(events);
  });

  it('orders keys like the schema regardless of the input object order', () => {
    const [e] = sampleEvents();
    const shuffled = Object.fromEntries(Object.entries(e).reverse()) as typeof e;
    const a = encodeAll(createEncoder('json', meta), [e]);
    const b = encodeAll(createEncoder('json', meta), [shuffled]);
    expect(b).toBe(a);
    const keys = Object.keys(parseJson<object[]>(a)[0]);
    const schemaOrder = Object.keys(normalisedEventSchema.shape).filter((k) => keys.includes(k));
    expect(keys).toEqual(schemaOrder);
  });

  it('writes an empty array for an empty folder', () => {
    expect(JSON.parse(encodeAll(createEncoder('json', meta), []))).toEqual([]);
  });
});
