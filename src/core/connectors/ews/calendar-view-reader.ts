// Reads a calendar window as a stream of normalised occurrences: windows larger than chunkDays are split,
// each chunk is paged with MaxEntriesReturned (continuing from the last item's start while
// IncludesLastItemInRange is false), and items seen at chunk or page borders are emitted once.
import type { NormalisedEvent } from '../../../shared/model.js';
import { findCalendarView } from './operations/find-calendar-view.js';
import { getCalendarItems } from './operations/get-calendar-items.js';
import type { EwsSession } from './session.js';

export interface CalendarReadOptions {
  chunkDays: number;
  pageSize: number;
  includeBody?: boolean;
  signal?: AbortSignal;
}

const DAY = 86_400_000;

export function splitWindow(from: Date, to: Date, chunkDays: number): Array<[Date, Date]> {
  const out: Array<[Date, Date]> = [];
  for (let t = from.getTime(); t < to.getTime(); t += chunkDays * DAY) out.push([new Date(t), new Date(Math.min(to.getTime(), t + chunkDays * DAY))]);
  return out;
}

export async function* readCalendarView(s: EwsSession, mailbox: string, folder: string, from: Date, to: Date, o: CalendarReadOptions): AsyncGenerator<NormalisedEvent> {
  const masterCache = new Map<string, string>();
  // Ids emitted in the previous chunk that run past its end: the next chunk returns them again.
  let carried = new Set<string>();
  for (const [chunkStart, chunkEnd] of splitWindow(from, to, o.chunkDays)) {
    const seen = new Set(carried);
    const next = new Set<string>();
    let cursor = chunkStart;
    for (;;) {
      o.signal?.throwIfAborted();
      const page = await findCalendarView(s, mailbox, folder, cursor, chunkEnd, o.pageSize);
      const fresh = page.items.filter((i) => !seen.has(i.id));
      for (const i of fresh) {
        seen.add(i.id);
        if (Date.parse(i.end) > chunkEnd.getTime()) next.add(i.id);
      }
      if (fresh.length) {
        for (const e of await getCalendarItems(s, mailbox, fresh.map((i) => i.id), { includeBody: o.includeBody, masterCache })) yield e;
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
