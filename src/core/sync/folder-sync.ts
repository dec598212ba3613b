// One (job, mailbox, folder) through the pump: replay an unfinished write → ask for changes → read what is needed
// → filter → diff against what the target holds → write → commit state. A folder with no changes on the server
// costs exactly one request (the sync call) and no disk writes.
import type { ChangeRef, Connector, ItemSkip, SyncResult } from '../connectors/connector.js';
import type { Logger } from '../log/logger.js';
import { contentOf, type Job } from '../../shared/job.js';
import { eventKey, type NormalisedEvent } from '../../shared/model.js';
import type { FolderBatch, PumpTarget } from '../export/targets/types.js';
import type { SyncStateRecord, SyncStateStore } from '../store/sync-state-store.js';
import { fieldsToKeep, fieldsToRead, keepFields } from './event-fields.js';
import { applyFilters } from './filters.js';
import { diffItems } from './item-diff.js';
import { diffOutputs, outputHash, sortEvents } from './output-diff.js';
import { newSlices, overlaps, sameWindow, windowsOverlap, type TimeWindow } from './window.js';

export interface FolderSyncContext {
  job: Job;
  connector: Connector;
  target: PumpTarget;
  states: SyncStateStore;
  logger: Logger;
  window: TimeWindow;
  now: () => Date;
  configHash: string;
  signal?: AbortSignal;
  /** An item the connector left out on purpose (counted and listed in the run record). */
  onItemSkipped?: (mailbox: string, folder: string, skip: ItemSkip) => void;
}

export interface FolderSyncOutcome {
  items: number;
  upserts: number;
  deletes: number;
  fullRead: boolean;
  replayed: boolean;
}

const STATE_ERROR = /InvalidSyncState|SyncStateNotFound|syncStateNotFound|resyncRequired|fullSyncRequired|invalid.?sync.?state/i;

function isStateError(e: unknown): boolean {
  const err = e as { id?: string; evidence?: string; message?: string };
  return /\.sync(State)?\./i.test(err.id ?? '') || STATE_ERROR.test(`${err.evidence ?? ''} ${err.message ?? ''}`);
}

/** Reads a range, applies the job's filters and keeps what belongs to the window. */
export async function readFiltered(
  ctx: FolderSyncContext,
  mailbox: string,
  folder: string,
  range: TimeWindow,
  into: Map<string, NormalisedEvent>,
): Promise<void> {
  const { job } = ctx;
  // A webhook sends JSON whatever the job's file format says.
  const output = { format: job.target?.kind === 'folder' ? job.format : ('json' as const), icsSeries: job.ics?.series };
  const fields = fieldsToRead(job.fields, { ...output, filters: job.filters });
  const events = ctx.connector.calendarView(mailbox, folder, range.from, range.to, {
    includeBody: job.filters.includeBody,
    includeAttendees: job.filters.includeAttendees,
    ...(fields ? { fields } : {}),
    signal: ctx.signal,
    onItemSkipped: (skip) => ctx.onItemSkipped?.(mailbox, folder, skip),
  });
  const keep = fieldsToKeep(job.fields, output);
  for await (const raw of events) {
    const e = applyFilters(raw, job.filters);
    if (e && overlaps(e, ctx.window)) into.set(eventKey(e), keepFields(e, keep));
  }
}

function batchFor(ctx: FolderSyncContext, base: SyncStateRecord | undefined, next: SyncStateRecord): FolderBatch {
  const batch = {
    jobId: ctx.job.id,
    jobName: ctx.job.name,
    mailbox: next.mailbox,
    folder: next.folder,
    sequence: next.sequence,
    outputHash: next.outputHash,
    events: next.events,
    reset: !base,
  };
  // A contacts or tasks batch carries its difference in items; its events, upserts and deletes stay empty.
  if (next.items) return { ...batch, upserts: [], deletes: [], items: diffItems(base?.items, next.items) };
  return { ...batch, ...diffOutputs(base?.events, next.events) };
}

/** The committed state if the target still holds its output; otherwise the target must be rewritten in full. */
export async function usableBase(ctx: FolderSyncContext, committed: SyncStateRecord | undefined): Promise<SyncStateRecord | undefined> {
  if (!committed || committed.targetId !== ctx.target.id) return undefined;
  return (await ctx.target.holds(committed)) ? committed : undefined;
}

/** Replays an unfinished write (a pending journal) before anything new; true when there was one. */
export async function replayPending(ctx: FolderSyncContext, mailbox: string, folder: string, log: Logger): Promise<boolean> {
  const key = { jobId: ctx.job.id, mailbox, folder };
  const pending = await ctx.states.loadPending(key);
  if (!pending) return false;
  if (pending.targetId !== ctx.target.id) {
    await ctx.states.discardPending(key);
    return false;
  }
  log.info('pump.journal.replay', { sequence: pending.sequence });
  const base = await usableBase(ctx, await ctx.states.load(key));
  const written = await ctx.target.write(batchFor(ctx, base, pending));
  await written.commit(pending);
  return true;
}

/** Kinds and ids of a sync result, whether the connector honoured idsOnly (changeIds) or not (changes). */
export function changeRefs(r: SyncResult): ChangeRef[] {
  return r.changeIds ?? r.changes.map((c) => ({ kind: c.kind, id: c.kind === 'delete' ? c.id : c.event.id }));
}

/** Changes asked for ahead of the folder's run (Connector.syncChangesMany), with the state they were asked from. */
export interface AskedChanges {
  state: string | undefined;
  answer: SyncResult | Error;
}

export async function askForChanges(
  ctx: FolderSyncContext,
  mailbox: string,
  folder: string,
  state: string | undefined,
  log: Logger,
  asked?: AskedChanges,
): Promise<SyncResult> {
  // Ids and kinds are all the pump uses (any create or update re-reads the window), so EWS skips fetching items.
  const content = contentOf(ctx.job);
  const opts = { idsOnly: true, ...(content === 'calendar' ? {} : { content }) };
  const sync = (s: string | undefined) => ctx.connector.syncChanges!(mailbox, folder, s, opts);
  const first = async () => {
    if (!asked || asked.state !== state) return sync(state);
    if (asked.answer instanceof Error) throw asked.answer;
    return asked.answer;
  };
  if (state === undefined) return first();
  try {
    const r = await first();
    if (r.fullResync) log.info('pump.state.expired', { action: 'full read' });
    return r;
  } catch (e) {
    if (!isStateError(e)) throw e;
    log.info('pump.state.expired', { action: 'full read', evidence: (e as { evidence?: string }).evidence });
    return { ...(await sync(undefined)), fullResync: true };
  }
}

/** A folder's run up to the read: its logger, an unfinished write replayed, the committed state and the usable base. */
export async function openFolder(ctx: FolderSyncContext, mailbox: string, folder: string) {
  const log = ctx.logger.child({ mailbox, folder });
  const replayed = await replayPending(ctx, mailbox, folder, log);
  const committed = await ctx.states.load({ jobId: ctx.job.id, mailbox, folder });
  const base = await usableBase(ctx, committed);
  return { log, replayed, committed, base };
}

/**
 * What the server says changed since `askFrom`: the new sync state, and the removed ids when removals are all
 * there is (otherwise `removed` is undefined and the folder must be read again).
 */
export async function askRemovals(
  ctx: FolderSyncContext,
  mailbox: string,
  folder: string,
  askFrom: string | undefined,
  log: Logger,
  asked?: AskedChanges,
): Promise<{ syncState?: string; removed?: Set<string> }> {
  if (!ctx.connector.syncChanges) return {};
  const r = await askForChanges(ctx, mailbox, folder, askFrom, log, asked);
  const refs = changeRefs(r);
  if (r.fullResync || refs.some((c) => c.kind !== 'delete')) return { syncState: r.nextState };
  return { syncState: r.nextState, removed: new Set(refs.map((c) => c.id)) };
}

/** What a folder's run read, to be committed when it differs from the base. */
export type FolderOutput = Pick<SyncStateRecord, 'mailbox' | 'folder' | 'syncState' | 'outputHash' | 'events' | 'items'>;

/** Journals the folder's new state, writes its batch to the target and commits; the outcome counts what was written. */
export async function commitFolder(
  ctx: FolderSyncContext,
  opened: { log: Logger; committed: SyncStateRecord | undefined; base: SyncStateRecord | undefined },
  output: FolderOutput,
  outcome: FolderSyncOutcome,
): Promise<FolderSyncOutcome> {
  const { log, committed, base } = opened;
  const next: SyncStateRecord = {
    schemaVersion: 1,
    jobId: ctx.job.id,
    mailbox: output.mailbox,
    folder: output.folder,
    targetId: ctx.target.id,
    configHash: ctx.configHash,
    syncState: output.syncState,
    // Contacts and tasks have no window; their record keeps the run's for its schema.
    window: { from: ctx.window.from.toISOString(), to: ctx.window.to.toISOString() },
    sequence: (committed?.sequence ?? 0) + 1,
    outputHash: output.outputHash,
    events: output.events,
    ...(output.items ? { items: output.items } : {}),
    committedAt: ctx.now().toISOString(),
  };
  const batch = batchFor(ctx, base, next);
  // Journal first, so a crash before the commit is replayed with the same content (and the same webhook keys).
  await ctx.states.writePending(next);
  const written = await ctx.target.write(batch);
  await written.commit(next);
  const delta = batch.items ?? batch;
  const counts = { upserts: delta.upserts.length, deletes: delta.deletes.length };
  log.debug('pump.folder.committed', { items: outcome.items, ...counts, full: outcome.fullRead });
  return { ...outcome, ...counts };
}

/** The sync state a folder's run will ask the server from: the committed one while it still describes this output. */
export function stateToAsk(ctx: FolderSyncContext, base: SyncStateRecord | undefined): string | undefined {
  if (!base || base.configHash !== ctx.configHash) return undefined;
  const baseWindow = { from: new Date(base.window.from), to: new Date(base.window.to) };
  return windowsOverlap(baseWindow, ctx.window) ? base.syncState : undefined;
}

export async function syncFolder(
  ctx: FolderSyncContext,
  mailbox: string,
  folder: string,
  asked?: AskedChanges,
): Promise<FolderSyncOutcome> {
  const opened = await openFolder(ctx, mailbox, folder);
  const { log, replayed, base } = opened;
  const baseWindow = base && { from: new Date(base.window.from), to: new Date(base.window.to) };
  const askFrom = stateToAsk(ctx, base);
  // Without a usable state the baseline is taken before the read, so changes made during the read show up next time.
  const { syncState, removed } = await askRemovals(ctx, mailbox, folder, askFrom, log, asked);
  const removedIds = removed ?? new Set<string>();
  let full = !base || askFrom === undefined || !removed;
  // A deleted id we cannot place (a series whose occurrences carry no seriesId, or an item we never held)
  // might still hide occurrences in the window: re-read rather than guess.
  if (!full && [...removedIds].some((id) => !base!.events.some((e) => e.id === id || e.seriesId === id))) full = true;

  const events = new Map<string, NormalisedEvent>();
  if (full) {
    await readFiltered(ctx, mailbox, folder, ctx.window, events);
  } else {
    for (const e of base!.events) {
      if (overlaps(e, ctx.window) && !removedIds.has(e.id) && !(e.seriesId && removedIds.has(e.seriesId))) events.set(eventKey(e), e);
    }
    for (const slice of newSlices(baseWindow!, ctx.window)) await readFiltered(ctx, mailbox, folder, slice, events);
  }

  const sorted = sortEvents(events.values());
  const hash = outputHash(sorted);
  const outcome = { items: sorted.length, upserts: 0, deletes: 0, fullRead: full, replayed };
  if (base && hash === base.outputHash && syncState === base.syncState && sameWindow(baseWindow!, ctx.window)) return outcome;
  return commitFolder(ctx, opened, { mailbox, folder, syncState, outputHash: hash, events: sorted }, outcome);
}
