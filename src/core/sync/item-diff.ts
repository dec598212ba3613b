// The output of a contacts or tasks folder: items sorted by id, their hash, and the difference between two
// outputs (what a target must upsert and delete), as output-diff.ts does for events.
import { createHash } from 'node:crypto';
import type { NormalisedItem } from '../../shared/item-model.js';
import { orderedItem } from '../export/item-formats/index.js';
import type { ItemBatch } from '../export/targets/types.js';

const hashes = new WeakMap<NormalisedItem, string>();

function itemHash(i: NormalisedItem): string {
  let h = hashes.get(i);
  if (!h) {
    h = createHash('sha256')
      .update(JSON.stringify(orderedItem(i)))
      .digest('base64url')
      .slice(0, 22);
    hashes.set(i, h);
  }
  return h;
}

export function sortItems(items: Iterable<NormalisedItem>): NormalisedItem[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function itemsHash(sorted: NormalisedItem[]): string {
  const h = createHash('sha256');
  for (const i of sorted) h.update(`${i.id}\n${itemHash(i)}\n`);
  return h.digest('hex');
}

export function diffItems(previous: NormalisedItem[] | undefined, next: NormalisedItem[]): ItemBatch {
  const before = new Map((previous ?? []).map((i) => [i.id, itemHash(i)]));
  const upserts = next.filter((i) => before.get(i.id) !== itemHash(i));
  const seen = new Set(next.map((i) => i.id));
  return { all: next, upserts, deletes: [...before.keys()].filter((id) => !seen.has(id)).sort() };
}
