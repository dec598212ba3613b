// The truth a free/busy export is checked against: every non-free, non-cancelled item of a mailbox as a busy
// block, all-day items from local midnight in the mailbox's zone, merged as the export merges them.
import { localMidnightIso } from '../../../src/core/connectors/zoned-time.js';
import { tidyBlocks } from '../../../src/core/freebusy/index.js';
import { expectedEvents, type RunningSimulator } from '../../../src/sim/index.js';

export function expectedBlocks(sim: RunningSimulator, mailbox: string, from: Date, to: Date, zone: string) {
  const events = expectedEvents(sim.world, mailbox, 'calendar', from, to).filter((e) => e.showAs !== 'free' && !e.isCancelled);
  const blocks = events.map((e) => ({
    mailbox,
    start: e.isAllDay ? localMidnightIso(zone, e.start.slice(0, 10)) : e.start,
    end: e.isAllDay ? localMidnightIso(zone, e.end.slice(0, 10)) : e.end,
    showAs: e.showAs,
  }));
  return tidyBlocks(blocks, { includeFree: false, merge: true });
}
