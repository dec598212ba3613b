// Dry run of a contacts or tasks folder: read it in full and say what a real run would write (item count,
// changes against the committed state) without touching state or target.
import type { SyncStateStore } from '../store/sync-state-store.js';
import type { DryRunOutcome } from './dry-run.js';
import type { FolderSyncContext } from './folder-sync.js';
import { diffItems } from './item-diff.js';
import { readAllItems } from './item-sync.js';

export async function dryRunItemFolder(
  ctx: Omit<FolderSyncContext, 'target'> & { states: SyncStateStore },
  mailbox: string,
  folder: string,
  content: 'contacts' | 'tasks',
): Promise<DryRunOutcome> {
  const items = await readAllItems(ctx as FolderSyncContext, mailbox, folder, content);
  const committed = await ctx.states.load({ jobId: ctx.job.id, mailbox, folder });
  const delta = diffItems(committed?.items, items);
  // The sample lists calendar items; a contacts or tasks run shows counts only.
  return { items: items.length, upserts: delta.upserts.length, deletes: delta.deletes.length, sample: [] };
}
