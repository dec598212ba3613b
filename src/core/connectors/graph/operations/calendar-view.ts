// calendarView: occurrences expanded by the server, pages followed through @odata.nextLink, times in UTC.
import type { NormalisedEvent } from '../../../../shared/model.js';
import type { CalendarViewOptions } from '../../connector.js';
import { graphGet, PREFER_UTC, seg, type GraphContext } from '../graph-context.js';
import { mapGraphEvent, type GraphEvent } from '../map-event.js';
import { resolveSeriesUids } from './series-uid.js';

export const PAGE_SIZE = 100;
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
  while (url) {
    if (opts.signal?.aborted) return;
    const page: Page = await graphGet<Page>(ctx, url, headers);
    const events = page.value ?? [];
    await resolveSeriesUids(ctx, mailbox, events);
    for (const e of events) yield mapGraphEvent(e, e.seriesMasterId ? ctx.seriesUid.get(e.seriesMasterId) : undefined, opts.includeBody);
    url = page['@odata.nextLink'];
  }
}
