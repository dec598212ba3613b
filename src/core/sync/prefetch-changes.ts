// Asks for the changes of every folder of a run up front, where the connector can batch across mailboxes
// (Connector.syncChangesMany: Graph $batch). Each folder's own run then uses the answer instead of asking again,
// so a no-change run over 1,000 Graph mailboxes costs 50 requests instead of 1,000. Only what a folder's run
// would ask is asked (the committed state, after replaying an unfinished write); anything that goes wrong here is
// left for the folder's own run to meet and report, and a run never fails because of this step.
import { mapBounded } from './bounded-pool.js';
import { replayPending, stateToAsk, type AskedChanges, type FolderSyncContext } from './folder-sync.js';

export const folderKey = (mailbox: string, folder: string) => `${mailbox}\n${folder}`;

export async function prefetchChanges(
  ctx: FolderSyncContext,
  mailboxes: string[],
  folders: string[],
  concurrency: number,
): Promise<Map<string, AskedChanges>> {
  const out = new Map<string, AskedChanges>();
  const connector = ctx.connector;
  if (!connector.syncChangesMany || !connector.syncChanges) return out;
  const pairs = mailboxes.flatMap((mailbox) => folders.map((folder) => ({ mailbox, folder })));
  const asks: Array<{ mailbox: string; folder: string; state: string | undefined }> = [];
  await mapBounded(pairs, concurrency, async ({ mailbox, folder }) => {
    if (ctx.signal?.aborted) return;
    try {
      await replayPending(ctx, mailbox, folder, ctx.logger.child({ mailbox, folder }));
      const committed = await ctx.states.load({ jobId: ctx.job.id, mailbox, folder });
      const base = committed?.targetId === ctx.target.id ? committed : undefined;
      asks.push({ mailbox, folder, state: stateToAsk(ctx, base) });
    } catch {
      // The folder's own run replays or loads again and reports what failed.
    }
  });
  if (!asks.length || ctx.signal?.aborted) return out;
  let answers: Array<Awaited<ReturnType<NonNullable<typeof connector.syncChangesMany>>>[number]>;
  try {
    answers = await connector.syncChangesMany(
      asks.map((a) => ({ mailbox: a.mailbox, folderId: a.folder, state: a.state })),
      { idsOnly: true, concurrency },
    );
  } catch (e) {
    ctx.logger.debug('pump.prefetch.failed', { evidence: (e as { evidence?: string }).evidence ?? String(e) });
    return out;
  }
  asks.forEach((a, i) => {
    const answer = answers[i];
    if (answer) out.set(folderKey(a.mailbox, a.folder), { state: a.state, answer });
  });
  return out;
}
