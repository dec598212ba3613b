// Reads a calendar window as a stream of normalised occurrences, page by page: windows larger than chunkDays
// are split (CalendarView refuses ranges over two years), each chunk is paged with MaxEntriesReturned
// (continuing from the last item's start while IncludesLastItemInRange is false), and items seen at chunk or
// page borders are emitted once. FindItem gives everything but attendees, body and series id; GetItem runs
// only when attendees or the body are wanted, and once per new series for its master id.
import type { EventField } from '../../../shared/event-fields.js';
import type { NormalisedEvent } from '../../../shared/model.js';
import type { CalendarItemData } from './native/calendar-item.js';
import { eventFromItem } from './native/event-from-item.js';
import { OrganizerResolver } from './native/organizer-resolver.js';
import { itemsOfPages } from './page-items.js';
import type { SkipReporter } from './native/item-answers.js';
import { findCalendarView } from './operations/find-calendar-view.js';
import { detailRequest, fillSeriesMasters, getItemData, skipReporter } from './operations/get-calendar-items.js';
import type { EwsSession } from './session.js';

export interface CalendarReadOptions {
  chunkDays: number;
  pageSize: number;
  includeBody?: boolean;
  /** Default true. */
  includeAttendees?: boolean;
  /**
   * The event fields the caller uses (absent: all). FindItem asks only for their properties; organizers are
   * resolved only for `organizer`, series masters looked up only for `seriesId`, GetItem run only for `attendees` or `body`.
   */
  fields?: readonly EventField[];
  signal?: AbortSignal;
  /** Shared per connector: legacy DN → SMTP of organizers. */
  organizers?: OrganizerResolver;
  /** Told about each item left out on purpose (not a calendar item, or without its times); also logged. */
  onItemSkipped?: SkipReporter;
}

const DAY = 86_400_000;

export function splitWindow(from: Date, to: Date, chunkDays: number): Array<[Date, Date]> {
  const out: Array<[Date, Date]> = [];
  for (let t = from.getTime(); t < to.getTime(); t += chunkDays * DAY)
    out.push([new Date(t), new Date(Math.min(to.getTime(), t + chunkDays * DAY))]);
  return out;
}

/** Completes a page's items in place: attendees/body/SMTP organizer from GetItem, or organizers resolved. */
async function complete(
  s: EwsSession,
  mailbox: string,
  items: CalendarItemData[],
  o: CalendarReadOptions,
  organizers: OrganizerResolver,
  skip: SkipReporter,
): Promise<CalendarItemData[]> {
  const includeAttendees = o.includeAttendees !== false;
  if (!includeAttendees && !o.includeBody) {
    if (!wants(o, 'organizer')) return items;
    const unresolved = await organizers.resolve(
      s,
      items.map((d) => d.organizer),
    );
    if (!unresolved.length) return items;
    // ResolveNames could not say (DN unknown to the directory, lookup refused): GetItem names the organizer.
    const ids = unresolved.map((i) => items[i].id);
    const got = await getItemData(s, mailbox, ids, { fields: ['calendar:Organizer'] }, skip);
    const gone = new Set<string>();
    unresolved.forEach((i, k) => {
      if (!got[k]) gone.add(items[i].id);
      else if (got[k].organizer) items[i].organizer = got[k].organizer;
    });
    return gone.size ? items.filter((d) => !gone.has(d.id)) : items;
  }
  const details = await getItemData(
    s,
    mailbox,
    items.map((d) => d.id),
    detailRequest({ includeAttendees, includeBody: o.includeBody, organizer: wants(o, 'organizer') }),
    skip,
  );
  const out: CalendarItemData[] = [];
  items.forEach((d, i) => {
    const x = details[i];
    if (!x) return;
    // GetItem was asked for the organizer: its answer (SMTP, or none) is what the item says.
    d.organizer = x.organizer;
    d.required = x.required;
    d.optional = x.optional;
    d.resources = x.resources;
    d.body = x.body;
    out.push(d);
  });
  return out;
}

/** Whether the caller uses a field (every field when no selection was given). */
const wants = (o: CalendarReadOptions, f: EventField) => !o.fields || o.fields.includes(f);

/** The session and the mailbox address, made when the read starts (its first next()). */
export type CalendarViewTarget = () => Promise<{ s: EwsSession; mailbox: string }>;

/** The events of a calendar window, one at a time (read and mapped a page at a time). */
export function readCalendarView(
  target: CalendarViewTarget,
  folder: string,
  from: Date,
  to: Date,
  options: CalendarReadOptions,
): AsyncIterableIterator<NormalisedEvent> {
  return itemsOfPages(readPages(target, folder, from, to, options));
}

async function* readPages(
  target: CalendarViewTarget,
  folder: string,
  from: Date,
  to: Date,
  options: CalendarReadOptions,
): AsyncGenerator<NormalisedEvent[]> {
  const { s, mailbox } = await target();
  // A field nobody uses is not read: attendees and body need their field as well as their option.
  const o: CalendarReadOptions = {
    ...options,
    includeAttendees: options.includeAttendees !== false && wants(options, 'attendees'),
    includeBody: !!options.includeBody && wants(options, 'body'),
  };
  const masters = wants(o, 'seriesId');
  const masterCache = new Map<string, string>();
  const organizers = o.organizers ?? new OrganizerResolver();
  // An item returned again at a page or chunk border is counted once.
  const skippedIds = new Set<string>();
  const onSkip: SkipReporter = (x) => {
    if (skippedIds.has(x.itemId)) return;
    skippedIds.add(x.itemId);
    o.onItemSkipped?.(x);
  };
  const skip = skipReporter(s, onSkip);
  const eventOpts = {
    fallbackZone: s.fallbackZone,
    seriesIdByUid: masterCache,
    includeBody: o.includeBody,
    includeAttendees: o.includeAttendees !== false,
  };
  // Ids emitted in the previous chunk that run past its end: the next chunk returns them again.
  let carried = new Set<string>();
  const chunks = splitWindow(from, to, o.chunkDays);
  for (let c = 0; c < chunks.length; c++) {
    const [chunkStart, chunkEnd] = chunks[c];
    const lastChunk = c === chunks.length - 1;
    const seen = new Set(carried);
    const next = new Set<string>();
    let cursor = chunkStart;
    for (;;) {
      o.signal?.throwIfAborted();
      const page = await findCalendarView(s, mailbox, folder, cursor, chunkEnd, o.pageSize, onSkip, o.fields);
      // The ids are kept only for a page or chunk still to come (most reads are one page of one chunk).
      const fresh = seen.size ? page.items.filter((i) => !seen.has(i.id)) : page.items;
      const morePages = !page.includesLast && page.items.length > 0;
      if (morePages || !lastChunk)
        for (const i of fresh) {
          if (morePages) seen.add(i.id);
          if (!lastChunk && Date.parse(i.end) > chunkEnd.getTime()) next.add(i.id);
        }
      if (fresh.length) {
        // Independent lookups for the same page, so one mailbox waits for one round trip instead of two.
        const [items] = await Promise.all([
          complete(s, mailbox, fresh, o, organizers, skip),
          masters ? fillSeriesMasters(s, mailbox, fresh, masterCache) : undefined,
        ]);
        const events: NormalisedEvent[] = new Array<NormalisedEvent>(items.length);
        for (let k = 0; k < items.length; k++) events[k] = eventFromItem(items[k], eventOpts);
        yield events;
      }
      if (page.includesLast || !page.items.length) break;
      const lastStart = Date.parse(page.items[page.items.length - 1].start);
      // Never move backwards; a full page with nothing new must still make progress.
      const nextCursor = Math.max(cursor.getTime() + (fresh.length ? 0 : 1), lastStart);
      if (nextCursor >= chunkEnd.getTime()) break;
      cursor = new Date(nextCursor);
    }
    carried = next;
  }
}
