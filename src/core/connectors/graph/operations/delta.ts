// Incremental sync with calendarView/delta. State is the deltaLink. An expired one (410 SyncStateNotFound /
// resyncRequired) means: read everything again and say so (fullResync), never silently lose changes.
import type { Change } from '../../../../shared/model.js';
import type { SyncResult } from '../../connector.js';
import { CalpumpError, isCalpumpError } from '../../../errors/calpump-error.js';
import { graphGet, PREFER_UTC, type GraphContext } from '../graph-context.js';
import { mapGraphEvent, type GraphEvent } from '../map-event.js';
import { calendarPath } from './calendar-view.js';
import { resolveSeriesUids } from './series-uid.js';

/** Window of the first delta round: Graph's calendarView delta needs one; later rounds keep it. */
export const DELTA_DAYS_BACK = 90;
export const DELTA_DAYS_AHEAD = 365;

interface DeltaPage {
  value?: GraphEvent[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

function isExpired(e: unknown): boolean {
  return isCalpumpError(e) && /HTTP 410|SyncStateNotFound|resyncRequired|syncStateInvalid/i.test(e.evidence ?? '');
}

async function round(
  ctx: GraphContext,
  mailbox: string,
  start: string,
  initial: boolean,
): Promise<{ changes: Change[]; deltaLink: string }> {
  const changes: Change[] = [];
  let url: string | undefined = start;
  const headers = { Prefer: `${PREFER_UTC}, odata.maxpagesize=100` };
  while (url) {
    const page: DeltaPage = await graphGet<DeltaPage>(ctx, url, headers);
    const items = page.value ?? [];
    await resolveSeriesUids(
      ctx,
      mailbox,
      items.filter((e) => !e['@removed']),
    );
    for (const e of items) {
      if (e['@removed']) changes.push({ kind: 'delete', id: e.id });
      else
        changes.push({
          kind: initial ? 'create' : 'update',
          event: mapGraphEvent(e, e.seriesMasterId ? ctx.seriesUid.get(e.seriesMasterId) : undefined),
        });
    }
    if (page['@odata.deltaLink']) return { changes, deltaLink: page['@odata.deltaLink'] };
    url = page['@odata.nextLink'];
  }
  throw new CalpumpError('graph.response.invalid', {
    params: {
      operation: 'calendarViewDelta',
      problem: 'the last page had neither nextLink nor deltaLink',
      graphHost: ctx.profile.graphHost,
    },
  });
}

export async function syncChanges(
  ctx: GraphContext,
  mailbox: string,
  folderId: string,
  state: string | undefined,
  now: Date = new Date(),
): Promise<SyncResult> {
  const from = new Date(now.getTime() - DELTA_DAYS_BACK * 86_400_000);
  const to = new Date(now.getTime() + DELTA_DAYS_AHEAD * 86_400_000);
  const first = `${calendarPath(mailbox, folderId)}/calendarView/delta?startDateTime=${from.toISOString()}&endDateTime=${to.toISOString()}`;
  if (state) {
    try {
      const r = await round(ctx, mailbox, state, false);
      return { changes: r.changes, nextState: r.deltaLink };
    } catch (e) {
      if (!isExpired(e)) throw e;
      ctx.logger.warn('graph.delta.expired', { mailbox, folder: folderId });
      const r = await round(ctx, mailbox, first, true);
      return { changes: r.changes, nextState: r.deltaLink, fullResync: true };
    }
  }
  const r = await round(ctx, mailbox, first, true);
  return { changes: r.changes, nextState: r.deltaLink };
}
