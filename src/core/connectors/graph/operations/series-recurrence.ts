// The patterns of series masters by id: one $batch per 20 masters, each GET /events/{id}?$select=recurrence (the
// calendar view returns occurrences, whose recurrence is null). A master gone since the read (404) has no entry.
import type { Recurrence } from '../../../../shared/model.js';
import { graphBatch, seg, type GraphContext } from '../graph-context.js';
import { mapGraphRecurrence, type GraphRecurrence } from '../map-recurrence.js';

export async function seriesRecurrence(ctx: GraphContext, mailbox: string, masterIds: readonly string[]): Promise<Map<string, Recurrence>> {
  const ids = [...new Set(masterIds)];
  const out = new Map<string, Recurrence>();
  if (!ids.length) return out;
  const results = await graphBatch(
    ctx,
    ids.map((id, i) => ({ id: String(i + 1), method: 'GET' as const, url: `/users/${seg(mailbox)}/events/${seg(id)}?$select=recurrence` })),
    'seriesMaster',
    mailbox,
  );
  results.forEach((r, i) => {
    if (r.status === 404) return;
    if (r.error) throw r.error;
    const rec = mapGraphRecurrence((r.body as { recurrence?: GraphRecurrence | null } | undefined)?.recurrence);
    if (rec) out.set(ids[i], rec);
  });
  return out;
}
