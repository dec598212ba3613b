// Dry run of a job's folder: read the whole window, apply the filters, and say what a real run would write
// (item count, a sample, changes against the committed state) — without touching state or target.
import type { NormalisedEvent } from '../../shared/model.js';
import type { FolderSyncContext } from './folder-sync.js';
import { readFiltered } from './folder-sync.js';
import { diffOutputs, sortEvents } from './output-diff.js';
import type { SyncStateStore } from '../store/sync-state-store.js';

export interface DryRunOutcome {
  items: number;
  upserts: number;
  deletes: number;
  sample: NormalisedEvent[];
}

export const DRY_RUN_SAMPLE = 5;

export async function dryRunFolder(
  ctx: Omit<FolderSyncContext, 'target'> & { states: SyncStateStore },
  mailbox: string,
  folder: string,
): Promise<DryRunOutcome> {
  const events = new Map<string, NormalisedEvent>();
  await readFiltered(ctx as FolderSyncContext, mailbox, folder, ctx.window, events);
  const sorted = sortEvents(events.values());
  const committed = await ctx.states.load({ jobId: ctx.job.id, mailbox, folder });
  const delta = diffOutputs(committed?.events, sorted);
  return { items: sorted.length, upserts: delta.upserts.length, deletes: delta.deletes.length, sample: sorted.slice(0, DRY_RUN_SAMPLE) };
}
