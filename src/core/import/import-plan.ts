// Desired appointments (from the source) against what Calpump wrote earlier (listOwned) → creates, updates and
// deletes per mailbox. Equal content hashes mean "unchanged", so an unchanged source costs no writes. Extra
// items with the same key (left by an interrupted run on a server that answered late) are deleted.
import { appointmentHash, type OwnedItem, type WriteRequest } from '../connectors/writer.js';
import type { ImportItem } from './row-to-item.js';
import type { RowProblem } from './source-row.js';

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
  unchanged: number;
}

/** Rows by mailbox; a second row with a key already used in that mailbox is a problem, the first one wins. */
export function desiredByMailbox(items: ImportItem[], problems: RowProblem[]): Map<string, Map<string, ImportItem>> {
  const out = new Map<string, Map<string, ImportItem>>();
  for (const item of items) {
    for (const mb of item.mailboxes) {
      let keys = out.get(mb);
      if (!keys) out.set(mb, (keys = new Map()));
      const first = keys.get(item.key);
      if (first) {
        problems.push({
          file: item.file,
          line: item.line,
          problem: `duplicate id "${item.key}" for ${mb} (first on line ${first.line} of ${first.file})`,
        });
        continue;
      }
      keys.set(item.key, item);
    }
  }
  return out;
}

export function planMailbox(
  scope: string,
  desired: Map<string, ImportItem>,
  owned: OwnedItem[],
  opts: { protectedKeys: Set<string>; deleteMissing: boolean },
): MailboxPlan {
  const byKey = new Map<string, OwnedItem[]>();
  for (const o of owned) byKey.set(o.sourceKey, [...(byKey.get(o.sourceKey) ?? []), o]);
  const writes: PlannedWrite[] = [];
  let unchanged = 0;
  const del = (o: OwnedItem) =>
    writes.push({ action: 'delete', key: o.sourceKey, subject: o.subject, start: o.start, end: o.end, id: o.id });
  for (const [key, item] of desired) {
    const a = item.appointment;
    const existing = byKey.get(key) ?? [];
    const hash = appointmentHash(a);
    // Keep the copy that already matches, else the oldest; the rest are duplicates.
    const keep = existing.find((o) => o.contentHash === hash) ?? existing[0];
    for (const o of existing) if (o !== keep) del(o);
    const base = { key, subject: a.subject, start: a.start, end: a.end, file: item.file, line: item.line };
    if (!keep) writes.push({ ...base, action: 'create', request: { appointment: a, tag: { scope, sourceKey: key } } });
    else if (keep.contentHash !== hash)
      writes.push({
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
  return { writes, unchanged };
}
