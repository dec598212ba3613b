import { describe, expect, it } from 'vitest';
import { mapBounded, Semaphore } from '../../../src/core/sync/bounded-pool.js';

const settle = async () => {
  for (let k = 0; k < 20; k++) await new Promise((r) => setImmediate(r));
};

describe('Semaphore', () => {
  it('holds at most `limit` at once and hands a freed slot to the first waiter, not to a later caller', async () => {
    const s = new Semaphore(1);
    const order: string[] = [];
    const first = await s.acquire();
    const second = s.acquire().then((release) => {
      order.push('second');
      return release;
    });
    await settle();
    expect(order).toEqual([]);
    first();
    // Released twice: the second call does nothing (no extra slot appears).
    first();
    const third = s.acquire().then((release) => {
      order.push('third');
      return release;
    });
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
  });

  it('refuses a limit below one', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});

describe('mapBounded', () => {
  it('runs at most `limit` items at once and keeps the input order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 4, 2, 3], 2, async (x, i) => {
      running++;
      peak = Math.max(peak, running);
      for (let k = 0; k < x; k++) await new Promise((r) => setImmediate(r));
      running--;
      return `${i}:${x}`;
    });
    expect(peak).toBe(2);
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3']);
  });
});
