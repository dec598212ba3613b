// The export window in whole UTC days: from midnight `daysBack` days ago to the end of the day `daysAhead` days
// ahead. It moves forward once a day; the engine then drops the day that left and reads only the day that came in.

export interface TimeWindow {
  from: Date;
  to: Date;
}

const DAY = 86_400_000;

export function jobWindow(now: Date, w: { daysBack: number; daysAhead: number }): TimeWindow {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  return { from: new Date(today - w.daysBack * DAY), to: new Date(today + (w.daysAhead + 1) * DAY) };
}

/**
 * Whether an event belongs to the window, judged on its normalised times. The server judges all-day events by
 * their local-midnight instants and may return one more day at either edge; applying this same test to every
 * read makes a full read and an incrementally maintained set agree exactly.
 */
export function overlaps(e: { start: string; end: string }, w: TimeWindow): boolean {
  const start = Date.parse(e.start);
  const end = Date.parse(e.end);
  // A zero-length event at the window start still belongs to it, as calendar views treat it.
  return start < w.to.getTime() && (end > w.from.getTime() || (end === start && start >= w.from.getTime()));
}

/** The parts of `next` not covered by `prev` (at most two: the days that came in before and after). */
export function newSlices(prev: TimeWindow, next: TimeWindow): TimeWindow[] {
  const slices: TimeWindow[] = [];
  if (next.from < prev.from) slices.push({ from: next.from, to: new Date(Math.min(prev.from.getTime(), next.to.getTime())) });
  if (next.to > prev.to) slices.push({ from: new Date(Math.max(prev.to.getTime(), next.from.getTime())), to: next.to });
  return slices;
}

export function sameWindow(a: TimeWindow, b: TimeWindow): boolean {
  return a.from.getTime() === b.from.getTime() && a.to.getTime() === b.to.getTime();
}

export function windowsOverlap(a: TimeWindow, b: TimeWindow): boolean {
  return a.from < b.to && b.from < a.to;
}
