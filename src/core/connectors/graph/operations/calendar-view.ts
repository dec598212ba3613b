// calendarView: occurrences expanded by the server, pages followed through @odata.nextLink, times in UTC. Pages
// are as large as Graph serves calendarView ($top 1000), and series masters that must be looked up (see
// series-uid.ts) are gathered across pages into full $batch requests before the events they name are yielded.
import type { NormalisedEvent } from '../../../../shared/model.js';
import type { CalendarViewOptions } from '../../connector.js';
import { graphGet, PREFER_UTC, seg, type GraphContext } from '../graph-context.js';
import { graphSkipReporter, mapOrSkip, type GraphEvent } from '../map-event.js';
import { resolveSeriesUids, unknownMasters } from './series-uid.js';
import { BATCH_LIMIT } from '../transport.js';

export const PAGE_SIZE = 1000;
/** Events held back while their masters wait for a fuller $batch. */
const MAX_HELD = 5000;
const BASE_SELECT =
  'id,iCalUId,subject,start,end,originalStart,originalStartTimeZone,isAllDay,showAs,sensitivity,isCancelled,categories,type,seriesMasterId,location,organizer,lastModifiedDateTime';

export function calendarPath(mailbox: string, folderId: string): string {
  return folderId === 'calendar' ? `/users/${seg(mailbox)}/calendar` : `/users/${seg(mailbox)}/calendars/${seg(folderId)}`;
}

interface Page {
  value?: GraphEvent[];
  '@odata.nextLink'?: string;
}

export async function* calendarView(
  ctx: GraphContext,
  mailbox: string,
  folderId: string,
  from: Date,
  to: Date,
  opts: CalendarViewOptions = {},
): AsyncIterable<NormalisedEvent> {
  const select = [BASE_SELECT, opts.includeAttendees === false ? '' : ',attendees', opts.includeBody ? ',body' : ''].join('');
  const query = new URLSearchParams({
    startDateTime: from.toISOString(),
    endDateTime: to.toISOString(),
    $top: String(PAGE_SIZE),
    $orderby: 'start/dateTime',
    $select: select,
  });
  let url: string | undefined = `${calendarPath(mailbox, folderId)}/calendarView?${query.toString()}`;
  const headers = { Prefer: PREFER_UTC };
  const mapping = { includeBody: opts.includeBody, skip: graphSkipReporter(ctx, opts.onItemSkipped) };
  let held: GraphEvent[] = [];
  while (url) {
    if (opts.signal?.aborted) return;
    const page: Page = await graphGet<Page>(ctx, url, headers);
    held.push(...(page.value ?? []));
    url = page['@odata.nextLink'];
    const unknown = unknownMasters(ctx, held).size;
    // Masters still to look up and room in the next $batch: read on, and ask for them together.
    if (url && unknown > 0 && unknown < BATCH_LIMIT && held.length < MAX_HELD) continue;
    await resolveSeriesUids(ctx, mailbox, held);
    for (const e of held) {
      const event = mapOrSkip(e, e.seriesMasterId ? ctx.seriesUid.get(e.seriesMasterId) : undefined, { ...mapping, mailbox });
      if (event) yield event;
    }
    held = [];
  }
}
