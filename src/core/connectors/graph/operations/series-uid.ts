// Graph gives each occurrence its own iCalUId; the series' UID (what EWS and iCalendar use) is the series
// master's. An Exchange UID is the hex of the item's GlobalObjectId, whose bytes 16–19 hold an occurrence's
// original date and are zero on the master (MS-OXOCAL, PidLidGlobalObjectId / PidLidCleanGlobalObjectId), so
// the series UID of such an occurrence is read off its own iCalUId with no request. Other UIDs (none known
// from Exchange Online today) fall back to the master itself: one $batch per 20 unknown masters, cached for
// the connector's life.
import { graphBatch, seg, type GraphContext } from '../graph-context.js';
import { isInstance, type GraphEvent } from '../map-event.js';

const MAX_CACHED = 50_000;
const GLOBAL_OBJECT_ID = /^040000008200E00074C5B7101A82E008[0-9A-F]{8}/i;

/** The series UID an occurrence's or exception's GlobalObjectId-shaped iCalUId implies, else undefined. */
export function seriesUidOfInstance(iCalUId: string | undefined): string | undefined {
  if (!iCalUId || !GLOBAL_OBJECT_ID.test(iCalUId)) return undefined;
  return `${iCalUId.slice(0, 32)}00000000${iCalUId.slice(40)}`;
}

/** Masters the events need whose UID is neither cached nor readable from the occurrence itself. */
export function unknownMasters(ctx: GraphContext, events: GraphEvent[]): Set<string> {
  const missing = new Set<string>();
  if (ctx.seriesUid.size > MAX_CACHED) ctx.seriesUid.clear();
  for (const e of events) {
    if (!isInstance(e) || !e.seriesMasterId || ctx.seriesUid.has(e.seriesMasterId)) continue;
    const derived = seriesUidOfInstance(e.iCalUId);
    if (derived) ctx.seriesUid.set(e.seriesMasterId, derived);
    else missing.add(e.seriesMasterId);
  }
  return missing;
}

export async function resolveSeriesUids(ctx: GraphContext, mailbox: string, events: GraphEvent[]): Promise<void> {
  const missing = [...unknownMasters(ctx, events)];
  if (missing.length === 0) return;
  const results = await graphBatch(
    ctx,
    missing.map((id, i) => ({
      id: String(i + 1),
      method: 'GET' as const,
      url: `/users/${seg(mailbox)}/events/${seg(id)}?$select=iCalUId`,
    })),
    'seriesMaster',
    mailbox,
  );
  results.forEach((r, i) => {
    const uid = (r.body as { iCalUId?: string } | undefined)?.iCalUId;
    if (uid) ctx.seriesUid.set(missing[i], uid);
    else if (r.error) throw r.error;
  });
}
