// The pump's live data is small (≈ 60 MB for eight folders of 700 items in flight), but it allocates fast: every
// EWS page is a large string and a tree that die a moment later. V8's default heap growth lets that garbage pile up
// to several times the live set before a full collection (peak RSS ≈ 400 MB where 150 MB are needed). Long-running
// hosts (tray app, `calpump serve`, CLI job runs) ask V8 to collect when the old generation has grown by half
// instead; no limit is set, so a job with far more data is never stopped by an out-of-memory abort.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

let applied = false;

/** Applies once per process; V8 reads the growing factor at every full collection, so it works after start-up. */
export function favourSmallFootprint(): boolean {
  if (applied) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  applied = true;
  return true;
}
