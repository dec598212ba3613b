// calendarView: occurrences expanded by the server, pages followed through @odata.nextLink, times in UTC. Pages
// are as large as Graph serves calendarView ($top 1000), and series masters that must be looked up (see
// series-uid.ts) are gathered across pages into full $batch requests before the events they name are yielded.
import type { EventField } from '../../../../shared/event-fields.js';
import type { NormalisedEvent } from '../../../../shared/model.js';
import type { CalendarViewOptions } from '../../connector.js';
import { graphRead, PREFER_UTC, seg, type GraphContext } from '../graph-context.js';
import { graphSkipReporter, mapOrSkip, type GraphEvent } from '../map-event.js';
import { resolveSeriesUids, unknownMasters } from './series-uid.js';
import { BATCH_LIMIT } from '../transport.js';

export const PAGE_SIZE = 1000;
/** Events held back while their masters wait for a fuller $batch. */
const MAX_HELD = 5000;
const BASE_SELECT =
  'id,iCalUId,subject,start,end,originalStart,originalStartTimeZone,isAllDay,showAs,sensitivity,isCancelled,categories,type,seriesMasterId,location,organizer,lastModifiedDateTime';
/** What places an event: ids, the series' UID (through seriesMasterId), times, the zone all-day dates need. */
const PLACE_SELECT = 'id,iCalUId,start,end,originalStart,originalStartTimeZone,isAllDay,type,seriesMasterId';
/** The property each optional event field is read from. */
const FIELD_SELECT: Partial<Record<EventField, string>> = {
  subject: 'subject',
  showAs: 'showAs',
  sensitivity: 'sensitivity',
  isCancelled: 'isCancelled',
  categories: 'categories',
  location: 'location',
  organizer: 'organizer',
  lastModified: 'lastModifiedDateTime',
  attendees: 'attendees',
  body: 'body',
};

/**
 * $select for a read: every property (absent selection), or what places an event plus the selected fields'. The
 * series-master lookup stays either way: it gives an occurrence its series' UID, which every export keys on.
 */
export function calendarSelect(opts: CalendarViewOptions): string {
  const attendees = opts.includeAttendees !== false;
  if (!opts.fields) return [BASE_SELECT, attendees ? ',attendees' : '', opts.includeBody ? ',body' : ''].join('');
  const extra = opts.fields
    .filter((f) => (f !== 'attendees' || attendees) && (f !== 'body' || opts.includeBody))
    .flatMap((f) => FIELD_SELECT[f] ?? []);
  return [PLACE_SELECT, ...extra].join(',');
}

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
  const select = calendarSelect(opts);
  const query = new URLSearchParams({
    startDateTime: from.toISOString(),
    endDateTime: to.toISOString(),
    $top: String(PAGE_SIZE),
    $orderby: 'start/dateTime',
    $select: select,
  });
  let url: string | undefined = `${calendarPath(mailbox, folderId)}/calendarView?${query.toString()}`;
  const headers = { Prefer: PREFER_UTC };
  const mapping = { includeBody: opts.includeBody, mailbox, skip: graphSkipReporter(ctx, opts.onItemSkipped) };
  let held: GraphEvent[] = [];
  while (url) {
    if (opts.signal?.aborted) return;
    const page: Page = await graphRead<Page>(ctx, url, headers);
    const value = page.value ?? [];
    if (held.length === 0) held = value;
    else held.push(...value);
    url = page['@odata.nextLink'];
    const unknown = unknownMasters(ctx, held).size;
    // Masters still to look up and room in the next $batch: read on, and ask for them together.
    if (url && unknown > 0 && unknown < BATCH_LIMIT && held.length < MAX_HELD) continue;
    if (unknown > 0) await resolveSeriesUids(ctx, mailbox, held);
    for (const e of held) {
      const event = mapOrSkip(e, e.seriesMasterId ? ctx.seriesUid.get(e.seriesMasterId) : undefined, mapping);
      if (event) yield event;
    }
    held = [];
  }
}
