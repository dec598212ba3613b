// Desired appointments (from the source) against what Calpump wrote earlier (listOwned) → creates, updates and
// deletes per mailbox. Equal content hashes mean "unchanged", so an unchanged source costs no writes. Extra
// items with the same key (left by an interrupted run on a server that answered late) are deleted.
import { appointmentHash, type OwnedItem, type WriteRequest } from '../connectors/writer.js';
import type { ImportItem } from './row-to-item.js';

export interface PlannedWrite {
  action: 'create' | 'update' | 'delete';
  key: string;
  subject: string;
  start: string;
  end: string;
  /** Source position of the row (creates and updates). */
  file?: string;
  line?: number;
  /** Item id (updates and deletes). */
  id?: string;
  request?: WriteRequest;
}

export interface MailboxPlan {
  writes: PlannedWrite[];
  /** Every planned write by action, also those a dry run did not keep in `writes`. */
  counts: Record<PlannedWrite['action'], number>;
  unchanged: number;
}

export function planMailbox(
  scope: string,
  desired: { has(key: string): boolean } & Iterable<[string, ImportItem]>,
  owned: OwnedItem[],
  opts: {
    protectedKeys: Set<string>;
    deleteMissing: boolean;
    /** A dry run: writes carry no requests and only the first `listOnly` are kept (counts has them all). */
    listOnly?: number;
  },
): MailboxPlan {
  const byKey = new Map<string, OwnedItem[]>();
  for (const o of owned) byKey.set(o.sourceKey, [...(byKey.get(o.sourceKey) ?? []), o]);
  const writes: PlannedWrite[] = [];
  const counts = { create: 0, update: 0, delete: 0 };
  let unchanged = 0;
  const dry = opts.listOnly !== undefined;
  const push = (w: PlannedWrite) => {
    counts[w.action] += 1;
    if (!dry) writes.push(w);
    else if (writes.length < opts.listOnly!) {
      delete w.request;
      writes.push(w);
    }
  };
  const del = (o: OwnedItem) => push({ action: 'delete', key: o.sourceKey, subject: o.subject, start: o.start, end: o.end, id: o.id });
  for (const [key, item] of desired) {
    const a = item.appointment;
    const existing = byKey.get(key) ?? [];
    const hash = appointmentHash(a);
    // Keep the copy that already matches, else the oldest; the rest are duplicates.
    const keep = existing.find((o) => o.contentHash === hash) ?? existing[0];
    for (const o of existing) if (o !== keep) del(o);
    const base = { key, subject: a.subject, start: a.start, end: a.end, file: item.file, line: item.line };
    if (!keep) push({ ...base, action: 'create', request: { appointment: a, tag: { scope, sourceKey: key } } });
    else if (keep.contentHash !== hash)
      push({
        ...base,
        action: 'update',
        id: keep.id,
        request: { appointment: a, tag: { scope, sourceKey: key }, existing: { id: keep.id, changeKey: keep.changeKey } },
      });
    else unchanged++;
  }
  for (const [key, items] of byKey) {
    if (desired.has(key) || opts.protectedKeys.has(key) || !opts.deleteMissing) continue;
    items.forEach(del);
  }
  return { writes, counts, unchanged };
}
