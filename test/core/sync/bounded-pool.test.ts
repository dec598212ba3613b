import { describe, expect, it } from 'vitest';
import { mapOverlapped } from '../../../src/core/sync/bounded-pool.js';

/** A promise settled from outside, to step items through their phases in a chosen order. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  expect(cond()).toBe(true);
};

describe('mapOverlapped', () => {
  it('starts the next item when one releases its slot, and still waits for every tail', async () => {
    const reads = [gate(), gate(), gate()];
    const tails = [gate(), gate(), gate()];
    const started: number[] = [];
    const run = mapOverlapped([0, 1, 2], 1, async (i, _index, release) => {
      started.push(i);
      await reads[i].promise;
      release();
      await tails[i].promise;
      return i * 10;
    });
    await until(() => started.length === 1);
    reads[0].open();
    // Item 0 released its slot while its tail (the file's fsync) still runs: item 1 starts.
    await until(() => started.length === 2);
    expect(started).toEqual([0, 1]);
    reads[1].open();
    // Two unfinished tails are the most a limit of 1 allows: item 2 waits for one of them.
    for (let k = 0; k < 20; k++) await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    tails[0].open();
    await until(() => started.length === 3);
    let settled = false;
    void run.then(() => (settled = true));
    reads[2].open();
    tails[2].open();
    for (let k = 0; k < 20; k++) await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    tails[1].open();
    expect(await run).toEqual([0, 10, 20]);
  });

  it('holds at most `limit` slots and at most `limit` more unfinished tails', async () => {
    let slots = 0;
    let peakSlots = 0;
    let open = 0;
    let peakOpen = 0;
    const tails = Array.from({ length: 12 }, gate);
    const run = mapOverlapped(
      Array.from({ length: 12 }, (_, i) => i),
      2,
      async (i, _index, release) => {
        open++;
        peakOpen = Math.max(peakOpen, open);
        slots++;
        peakSlots = Math.max(peakSlots, slots);
        await new Promise((r) => setImmediate(r));
        slots--;
        release();
        await tails[i].promise;
        open--;
        return i;
      },
    );
    await until(() => open === 4);
    expect(peakSlots).toBeLessThanOrEqual(2);
    for (const t of tails) t.open();
    expect(await run).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(peakOpen).toBe(4);
  });

  it('releases the slot of an item that fails before releasing it, and reports the failure', async () => {
    const run = mapOverlapped([0, 1, 2], 1, async (i) => {
      if (i === 1) throw new Error('boom');
      return i;
    });
    await expect(run).rejects.toThrow('boom');
  });
});
