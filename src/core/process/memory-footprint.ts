// The pump's live data is small (≈ 60 MB for eight folders of 700 items in flight), but it allocates fast: every
// EWS page is a large string and a tree that die a moment later. V8's default heap growth lets that garbage pile up
// to several times the live set before a full collection (peak RSS ≈ 400 MB where 150 MB are needed). Long-running
// hosts (tray app, `calpump serve`, CLI job runs) ask V8 to collect when the old generation has grown by half
// instead; no limit is set, so a job with far more data is never stopped by an out-of-memory abort.
//
// Half of a small heap is little, though: with ≈ 20 MB live (the code and a few pages in flight), growth by half
// started a full collection every 7–10 MB promoted — eleven per 200-mailbox export, each marking the whole heap on
// V8's helper threads, a sixth of the export's CPU. So the growth is chosen from the live size after each full
// collection: enough that the next one starts only once the old generation reaches SMALL_HEAP_FLOOR_MB, and by half
// once the live heap is larger than that. The footprint of a large job is unchanged; a small one may hold up to
// the floor's worth of garbage. A large live heap (LARGE_HEAP_MB) grows by a quarter: its garbage is what weighs.
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;
/** A live heap below this grows to about this much before the next full collection. */
export const SMALL_HEAP_FLOOR_MB = 48;
/** The growth never asked for beyond this (a nearly empty heap would otherwise ask for thousands of percent). */
export const MAX_GROWING_PERCENT = 400;
/**
 * From this live size on the heap grows by a quarter only: half of 200 MB live (a million-row import's rows) is
 * 100 MB of garbage, about a quarter of its peak resident size. A full collection every 50 MB promoted cost that
 * import no time in alternated runs (its marking runs on V8's helper threads); peak RSS 449–472 → 407–431 MB.
 */
export const LARGE_HEAP_MB = 128;
export const LARGE_HEAP_GROWING_PERCENT = 25;

/** The growing percent for a heap with `liveBytes` live after a full collection. */
export function growingPercentFor(liveBytes: number): number {
  const floor = SMALL_HEAP_FLOOR_MB * 1024 * 1024;
  if (!(liveBytes > 0)) return MAX_GROWING_PERCENT;
  if (liveBytes >= LARGE_HEAP_MB * 1024 * 1024) return LARGE_HEAP_GROWING_PERCENT;
  // Rounded up to a whole percent (less a hair of floating-point noise: a ratio such as 64 / 20 is not exactly 3.2).
  const wanted = Math.ceil((floor / liveBytes - 1) * 100 - 1e-9);
  return Math.min(MAX_GROWING_PERCENT, Math.max(HEAP_GROWING_PERCENT, wanted));
}

let applied = false;
let current = 0;

function setGrowingPercent(percent: number): void {
  if (percent === current) return;
  // V8 reads the growing factor at every full collection, so it works after start-up.
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  current = percent;
}

/** Applies once per process: the growth for the heap as it is now, then again after every full collection. */
export function favourSmallFootprint(): boolean {
  if (applied) return false;
  applied = true;
  setGrowingPercent(growingPercentFor(getHeapStatistics().used_heap_size));
  // The observer is told shortly after a collection (it keeps nothing alive and costs microseconds per collection).
  new PerformanceObserver((list) => {
    const major = list.getEntries().some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (major) setGrowingPercent(growingPercentFor(getHeapStatistics().used_heap_size));
  }).observe({ entryTypes: ['gc'] });
  return true;
}
