// Graph gives each occurrence its own iCalUId; the series' UID (what EWS and iCalendar use) lives on the series
// master. Unknown masters are fetched with one $batch per 20 ids and cached for the connector's life.
import { graphBatch, seg, type GraphContext } from '../graph-context.js';
import { isInstance, type GraphEvent } from '../map-event.js';

export async function resolveSeriesUids(ctx: GraphContext, mailbox: string, events: GraphEvent[]): Promise<void> {
  const missing = [
    ...new Set(
      events.filter((e) => isInstance(e) && e.seriesMasterId && !ctx.seriesUid.has(e.seriesMasterId)).map((e) => e.seriesMasterId!),
    ),
  ];
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
    if (uid) ctx.seriesUid.set(missing[i]!, uid);
    else if (r.error) throw r.error;
  });
}
