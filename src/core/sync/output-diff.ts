// The output of a folder as a set keyed by eventKey, its hash, and the difference between two outputs: what a
// target must upsert and delete to go from what it holds to what it should hold.
import { createHash } from 'node:crypto';
import { eventKey, type NormalisedEvent } from '../../shared/model.js';
import { orderedEvent } from '../export/formats/json.js';

// Events are not mutated after they enter the pump, so an event's hash is computed once (diff and output hash).
const hashes = new WeakMap<NormalisedEvent, string>();

export function eventHash(e: NormalisedEvent): string {
  let h = hashes.get(e);
  if (!h) {
    h = createHash('sha256')
      .update(JSON.stringify(orderedEvent(e)))
      .digest('base64url')
      .slice(0, 22);
    hashes.set(e, h);
  }
  return h;
}

export function sortEvents(events: Iterable<NormalisedEvent>): NormalisedEvent[] {
  return [...events].sort((a, b) => a.start.localeCompare(b.start) || eventKey(a).localeCompare(eventKey(b)));
}

export function outputHash(sorted: NormalisedEvent[]): string {
  const h = createHash('sha256');
  for (const e of sorted) h.update(`${eventKey(e)}\n${eventHash(e)}\n`);
  return h.digest('hex');
}

export interface OutputDelta {
  upserts: NormalisedEvent[];
  /** eventKeys that left the output. */
  deletes: string[];
}

export function diffOutputs(previous: NormalisedEvent[] | undefined, next: NormalisedEvent[]): OutputDelta {
  const before = new Map((previous ?? []).map((e) => [eventKey(e), eventHash(e)]));
  const upserts: NormalisedEvent[] = [];
  const seen = new Set<string>();
  for (const e of next) {
    const k = eventKey(e);
    seen.add(k);
    if (before.get(k) !== eventHash(e)) upserts.push(e);
  }
  const deletes = [...before.keys()].filter((k) => !seen.has(k)).sort();
  return { upserts, deletes };
}
