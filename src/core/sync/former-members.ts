// Mailboxes a job wrote output for but no longer selects (they left the group or room list, the search stopped
// finding them, or the list was edited). Found from the sync states the job holds, only after the selection was
// read successfully — a directory that failed or answered nothing never counts as "everyone left". What happens to
// their output is the job's `formerMembers` policy: keep (default) leaves it as it is; remove deletes it from the
// target first and only then forgets the state, so a crash in between repeats the removal on the next run.
import type { Job, RunRecord } from '../../shared/job.js';
import { eventKey } from '../../shared/model.js';
import { toCalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';
import type { FolderBatch, PumpTarget } from '../export/targets/types.js';
import type { FolderKey, SyncStateStore } from '../store/sync-state-store.js';
import { outputHash } from './output-diff.js';

export interface FormerMembersContext {
  job: Job;
  target: PumpTarget;
  states: SyncStateStore;
  logger: Logger;
}

export interface FormerMembersOutcome {
  handled: NonNullable<RunRecord['formerMembers']>;
  errors: RunRecord['errors'];
}

/** The batch that empties a folder's output: a reset to nothing that names every key the target may hold. */
async function emptyingBatch(ctx: FormerMembersContext, key: FolderKey): Promise<FolderBatch | undefined> {
  const [committed, pending] = await Promise.all([ctx.states.load(key), ctx.states.loadPending(key)]);
  const mine = [committed, pending].filter((s) => s && s.targetId === ctx.target.id);
  if (!mine.length) return undefined;
  const keys = new Set(mine.flatMap((s) => s!.events.map(eventKey)));
  const itemIds = new Set(mine.flatMap((s) => (s!.items ?? []).map((i) => i.id)));
  const items = mine.some((s) => s!.items) ? { items: { all: [], upserts: [], deletes: [...itemIds].sort() } } : {};
  return {
    ...items,
    jobId: ctx.job.id,
    jobName: ctx.job.name,
    mailbox: key.mailbox,
    folder: key.folder,
    sequence: Math.max(...mine.map((s) => s!.sequence)) + 1,
    outputHash: outputHash([]),
    events: [],
    upserts: [],
    deletes: [...keys].sort(),
    reset: true,
  };
}

/**
 * Handles every former member: `selected` are the mailboxes this run planned (lower-case), `covered` the folders it
 * ran (their state files are not read). One mailbox failing is recorded and the others go on.
 */
export async function handleFormerMembers(
  ctx: FormerMembersContext,
  selected: ReadonlySet<string>,
  covered: readonly FolderKey[],
): Promise<FormerMembersOutcome> {
  const byMailbox = new Map<string, string[]>();
  for (const f of await ctx.states.folders(ctx.job.id, covered)) {
    if (selected.has(f.mailbox)) continue;
    byMailbox.set(f.mailbox, [...(byMailbox.get(f.mailbox) ?? []), f.folder]);
  }
  const out: FormerMembersOutcome = { handled: [], errors: [] };
  const remove = ctx.job.formerMembers === 'remove';
  for (const [mailbox, folders] of [...byMailbox].sort(([a], [b]) => a.localeCompare(b))) {
    let removed = false;
    try {
      for (const folder of folders.sort()) {
        const key = { jobId: ctx.job.id, mailbox, folder };
        const batch = remove ? await emptyingBatch(ctx, key) : undefined;
        if (batch) {
          if (ctx.target.remove) await ctx.target.remove(batch);
          else await ctx.target.write(batch);
          removed = true;
        }
        await ctx.states.drop(key);
      }
      out.handled.push({ mailbox, output: removed ? 'removed' : 'kept' });
      ctx.logger.info('pump.formerMember', { mailbox, output: removed ? 'removed' : 'kept', folders: folders.length });
    } catch (e) {
      const err = toCalpumpError(e);
      ctx.logger.warn('pump.formerMember.failed', { mailbox, errorId: err.id, evidence: err.evidence });
      out.errors.push({ mailbox, error: err.info() });
    }
  }
  return out;
}
