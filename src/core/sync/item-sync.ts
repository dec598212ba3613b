// One (job, mailbox, folder) of a contacts or tasks job through the pump, with the calendar's guarantees: replay
// an unfinished write → ask for changes (EWS SyncFolderItems, Graph delta) → on any create or update read the
// folder in full, on deletes only drop them → diff against what the target holds → journal → write → commit.
// These folders have no window; a folder with no changes on the server costs exactly one request.
import type { NormalisedItem } from '../../shared/item-model.js';
import { contentOf } from '../../shared/job.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { SyncStateRecord } from '../store/sync-state-store.js';
import { askForChanges, changeRefs, replayPending, usableBase, type FolderSyncContext, type FolderSyncOutcome } from './folder-sync.js';
import { diffItems, itemsHash, sortItems } from './item-diff.js';

type PimContent = 'contacts' | 'tasks';

export function pimContentOf(ctx: Pick<FolderSyncContext, 'job'>): PimContent | undefined {
  const c = contentOf(ctx.job);
  return c === 'calendar' ? undefined : c;
}

/** Every item of the folder, as the connector reads it (the job's includeBody decides notes and bodies). */
export async function readAllItems(
  ctx: FolderSyncContext,
  mailbox: string,
  folder: string,
  content: PimContent,
): Promise<NormalisedItem[]> {
  const read = ctx.connector.readItems?.bind(ctx.connector);
  if (!read)
    throw new CalpumpError('pump.content.unsupported', {
      params: { job: ctx.job.name, content, backend: ctx.connector.kind === 'graph' ? 'Microsoft Graph' : 'EWS' },
    });
  const out: NormalisedItem[] = [];
  const items = read(mailbox, folder, content, {
    includeBody: ctx.job.filters.includeBody,
    signal: ctx.signal,
    onItemSkipped: (skip) => ctx.onItemSkipped?.(mailbox, folder, skip),
  });
  for await (const i of items) out.push(i);
  return sortItems(out);
}

export async function syncItemFolder(
  ctx: FolderSyncContext,
  mailbox: string,
  folder: string,
  content: PimContent,
): Promise<FolderSyncOutcome> {
  const log = ctx.logger.child({ mailbox, folder });
  const key = { jobId: ctx.job.id, mailbox, folder };
  const replayed = await replayPending(ctx, mailbox, folder, log);
  const committed = await ctx.states.load(key);
  const base = await usableBase(ctx, committed);
  const askFrom = base?.items && base.configHash === ctx.configHash ? base.syncState : undefined;
  let full = askFrom === undefined;
  let syncState: string | undefined;
  let removed = new Set<string>();
  if (ctx.connector.syncChanges) {
    const r = await askForChanges(ctx, mailbox, folder, askFrom, log);
    syncState = r.nextState;
    const refs = changeRefs(r);
    if (r.fullResync || refs.some((c) => c.kind !== 'delete')) full = true;
    else removed = new Set(refs.map((c) => c.id));
  } else full = true;

  const items = full ? await readAllItems(ctx, mailbox, folder, content) : base!.items!.filter((i) => !removed.has(i.id));
  const hash = itemsHash(items);
  const outcome = { items: items.length, upserts: 0, deletes: 0, fullRead: full, replayed };
  if (base && hash === base.outputHash && syncState === base.syncState) return outcome;

  const next: SyncStateRecord = {
    schemaVersion: 1,
    jobId: ctx.job.id,
    mailbox,
    folder,
    targetId: ctx.target.id,
    configHash: ctx.configHash,
    syncState,
    // Contacts and tasks have no window; the record keeps the run's for its schema.
    window: { from: ctx.window.from.toISOString(), to: ctx.window.to.toISOString() },
    sequence: (committed?.sequence ?? 0) + 1,
    outputHash: hash,
    events: [],
    items,
    committedAt: ctx.now().toISOString(),
  };
  const delta = diffItems(base?.items, items);
  // Journal first, so a crash before the commit is replayed with the same content.
  await ctx.states.writePending(next);
  const written = await ctx.target.write({
    jobId: ctx.job.id,
    jobName: ctx.job.name,
    mailbox,
    folder,
    sequence: next.sequence,
    outputHash: hash,
    events: [],
    upserts: [],
    deletes: [],
    reset: !base,
    items: delta,
  });
  await written.commit(next);
  log.debug('pump.folder.committed', { items: items.length, upserts: delta.upserts.length, deletes: delta.deletes.length, full });
  return { ...outcome, upserts: delta.upserts.length, deletes: delta.deletes.length };
}
