// Recurrence expansion in the series' own time zone, the way Exchange does it: the wall-clock time stays,
// the UTC instant follows DST. Deleted occurrences still count towards a numbered range.
import type { ExpandedItem, ItemFields, RecurrencePattern, SimEvent, SimRecurrence } from './types.js';
import { occurrenceId } from './ids.js';
import { addDays, dateToDays, daysToDate, iso, localDate, localMidnight, localParts, localToUtc, weekday } from './tz.js';

const MAX_OCCURRENCES = 5000;
const DAY = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function nthWeekday(year: number, month: number, dow: number, index: number): string {
  if (index === 5) {
    const last = ymd(year, month, daysInMonth(year, month));
    return addDays(last, -((weekday(last) - dow + 7) % 7));
  }
  const first = ymd(year, month, 1);
  return addDays(first, ((dow - weekday(first) + 7) % 7) + (index - 1) * 7);
}

/** Candidate local dates of the pattern, ascending, from the range start (unbounded; caller stops). */
export function* patternDates(pattern: RecurrencePattern, startDate: string): Generator<string> {
  const startDays = dateToDays(startDate);
  switch (pattern.kind) {
    case 'daily':
      for (let d = startDays; ; d += Math.max(1, pattern.interval)) yield daysToDate(d);
    case 'weekly': {
      const fdow = pattern.firstDayOfWeek;
      const weekStart = startDays - ((weekday(startDate) - fdow + 7) % 7);
      const offsets = [...new Set(pattern.daysOfWeek)].map((d) => (d - fdow + 7) % 7).sort((a, b) => a - b);
      if (offsets.length === 0) return;
      for (let w = weekStart; ; w += 7 * Math.max(1, pattern.interval)) {
        for (const off of offsets) if (w + off >= startDays) yield daysToDate(w + off);
      }
    }
    case 'absoluteMonthly':
    case 'relativeMonthly': {
      let [y, m] = startDate.split('-').map(Number) as [number, number];
      for (;;) {
        const date =
          pattern.kind === 'absoluteMonthly'
            ? ymd(y, m, Math.min(pattern.dayOfMonth, daysInMonth(y, m)))
            : nthWeekday(y, m, pattern.dayOfWeek, pattern.weekIndex);
        if (dateToDays(date) >= startDays) yield date;
        m += Math.max(1, pattern.interval);
        while (m > 12) {
          m -= 12;
          y += 1;
        }
      }
    }
    case 'absoluteYearly': {
      for (let y = Number(startDate.slice(0, 4)); ; y++) {
        const date = ymd(y, pattern.month, Math.min(pattern.dayOfMonth, daysInMonth(y, pattern.month)));
        if (dateToDays(date) >= startDays) yield date;
      }
    }
  }
}

export interface Occurrence {
  originalStart: string;
  start: string;
  end: string;
}

interface Expansion {
  signature: string;
  untilMs: number;
  list: readonly Occurrence[];
}
// Every FindItem, GetItem and SyncFolderItems expands the same series again; remembered per master object and
// dropped when anything that shapes the series (times, zone, pattern, range) has changed.
const expansions = new WeakMap<SimEvent, Expansion>();

/**
 * Original occurrences of a series (before exceptions/deletions), up to `untilMs` for open-ended series.
 * The list is shared between callers: read it, never change it.
 */
export function seriesOccurrences(master: SimEvent, untilMs: number): readonly Occurrence[] {
  const signature = `${master.start}|${master.end}|${master.timeZone}|${master.isAllDay}|${JSON.stringify(master.recurrence)}`;
  const hit = expansions.get(master);
  if (hit && hit.signature === signature) {
    // A bounded range does not depend on untilMs; an open one expanded further contains the shorter list as its head.
    if (master.recurrence?.range.kind !== 'noEnd' || hit.untilMs === untilMs) return hit.list;
    if (hit.untilMs > untilMs) return hit.list.filter((o) => Date.parse(o.start) <= untilMs);
  }
  const list = expandSeries(master, untilMs);
  expansions.set(master, { signature, untilMs, list });
  return list;
}

function expandSeries(master: SimEvent, untilMs: number): Occurrence[] {
  const rec = master.recurrence as SimRecurrence;
  const tz = master.timeZone;
  const startMs = Date.parse(master.start);
  const local = localParts(tz, startMs);
  const allDayDays = master.isAllDay
    ? Math.max(1, dateToDays(localDate(tz, Date.parse(master.end))) - dateToDays(localDate(tz, startMs)))
    : 0;
  const durationMs = Date.parse(master.end) - startMs;
  const out: Occurrence[] = [];
  const range = rec.range;
  for (const date of patternDates(rec.pattern, range.startDate)) {
    if (range.kind === 'endDate' && date > range.endDate) break;
    if (range.kind === 'numbered' && out.length >= range.count) break;
    if (out.length >= MAX_OCCURRENCES) break;
    let s: number;
    let e: number;
    if (master.isAllDay) {
      s = localMidnight(tz, date);
      e = localMidnight(tz, addDays(date, allDayDays));
    } else {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      s = localToUtc(tz, { year: y, month: m, day: d, hour: local.hour, minute: local.minute, second: local.second });
      e = s + durationMs;
    }
    if (range.kind === 'noEnd' && s > untilMs) break;
    out.push({ originalStart: iso(s), start: iso(s), end: iso(e) });
  }
  return out;
}

/** Items of one calendar event visible in [from, to): the single item, or the series' live occurrences. */
export function expandEvent(ev: SimEvent, fromMs: number, toMs: number): ExpandedItem[] {
  const overlaps = (s: string, e: string) => {
    const sm = Date.parse(s);
    const em = Date.parse(e);
    // Zero-length items at the window start still count, as in EWS CalendarView.
    return sm < toMs && (em > fromMs || (em === sm && sm >= fromMs));
  };
  if (!ev.recurrence) {
    return overlaps(ev.start, ev.end) ? [{ ...itemFields(ev), kind: 'Single', master: ev }] : [];
  }
  // Exceptions may be moved up to a year away from their original slot: look that far past the window.
  const occurrences = seriesOccurrences(ev, toMs + 366 * DAY);
  const deleted = new Set(ev.deletedOccurrences);
  const out: ExpandedItem[] = [];
  for (const o of occurrences) {
    if (deleted.has(o.originalStart)) continue;
    const item = occurrenceItem(ev, o);
    if (overlaps(item.start, item.end)) out.push(item);
  }
  return out;
}

/** The fields a view shows of a single item or of a series master. */
export function itemFields(ev: SimEvent): ItemFields {
  const { id, changeKey, subject, start, end, location, showAs, isCancelled, lastModified } = ev;
  return { id, changeKey, subject, start, end, location, showAs, isCancelled, lastModified };
}

/** One occurrence of a series: the master's fields with the occurrence's exception (if any) laid over them. */
export function occurrenceItem(ev: SimEvent, o: Occurrence): ExpandedItem {
  const x = ev.exceptions[o.originalStart];
  return {
    id: x?.id ?? occurrenceId(ev.id, o.originalStart),
    kind: x ? 'Exception' : 'Occurrence',
    master: ev,
    originalStart: o.originalStart,
    subject: x?.subject ?? ev.subject,
    start: x?.start ?? o.start,
    end: x?.end ?? o.end,
    location: x?.location ?? ev.location,
    showAs: x?.showAs ?? ev.showAs,
    isCancelled: x?.isCancelled ?? ev.isCancelled,
    changeKey: x?.changeKey ?? ev.changeKey,
    lastModified: x?.lastModified ?? ev.lastModified,
  };
}

export function compareExpanded(a: { start: string; subject: string }, b: { start: string; subject: string }): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0;
}
