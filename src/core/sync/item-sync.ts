// One (job, mailbox, folder) of a contacts or tasks job through the pump, with the calendar's guarantees: replay
// an unfinished write → ask for changes (EWS SyncFolderItems, Graph delta) → on any create or update read the
// folder in full, on deletes only drop them → diff against what the target holds → journal → write → commit.
// These folders have no window; a folder with no changes on the server costs exactly one request.
import type { NormalisedItem } from '../../shared/item-model.js';
import { contentOf } from '../../shared/job.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { askRemovals, commitFolder, openFolder, type FolderSyncContext, type FolderSyncOutcome } from './folder-sync.js';
import { itemsHash, sortItems } from './item-diff.js';

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
  const opened = await openFolder(ctx, mailbox, folder);
  const { log, replayed, base } = opened;
  const askFrom = base?.items && base.configHash === ctx.configHash ? base.syncState : undefined;
  const { syncState, removed } = await askRemovals(ctx, mailbox, folder, askFrom, log);
  const full = askFrom === undefined || !removed;
  const items = full ? await readAllItems(ctx, mailbox, folder, content) : base!.items!.filter((i) => !removed.has(i.id));
  const hash = itemsHash(items);
  const outcome = { items: items.length, upserts: 0, deletes: 0, fullRead: full, replayed };
  if (base && hash === base.outputHash && syncState === base.syncState) return outcome;
  return commitFolder(ctx, opened, { mailbox, folder, syncState, outputHash: hash, events: [], items }, outcome);
}
