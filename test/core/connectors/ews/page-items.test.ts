// itemsOfPages hands out the items of a page sequence as an async generator yielding them one by one would:
// same order, empty pages skipped, errors where the pages fail, and an early stop that ends the page reader.
import { describe, expect, it } from 'vitest';
import { itemsOfPages } from '../../../../src/core/connectors/ews/page-items.js';

async function* pagesOf<T>(pages: T[][], log: string[] = [], failAfter = Infinity): AsyncGenerator<T[]> {
  try {
    for (let i = 0; i < pages.length; i++) {
      if (i >= failAfter) throw new Error(`page ${i} failed`);
      await new Promise((r) => setImmediate(r));
      log.push(`page ${i}`);
      yield pages[i];
    }
  } finally {
    log.push('closed');
  }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('itemsOfPages', () => {
  it('yields every item in page order, skipping empty pages, then stays done', async () => {
    const log: string[] = [];
    const it = itemsOfPages(pagesOf([[1, 2], [], [3], [], [], [4, 5, 6]], log));
    expect(await collect(it)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log).toEqual(['page 0', 'page 1', 'page 2', 'page 3', 'page 4', 'page 5', 'closed']);
    expect(await Promise.all([it.next(), it.next()])).toEqual([
      { value: undefined, done: true },
      { value: undefined, done: true },
    ]);
    expect(await it.next()).toEqual({ value: undefined, done: true });
    expect(await collect(itemsOfPages(pagesOf<number>([])))).toEqual([]);
  });

  it('fetches a page only when its items are wanted', async () => {
    const log: string[] = [];
    const it = itemsOfPages(pagesOf([[1], [2]], log));
    expect(log).toEqual([]);
    expect(await it.next()).toEqual({ value: 1, done: false });
    expect(log).toEqual(['page 0']);
  });

  it('passes a failing page on after the items before it', async () => {
    const got: number[] = [];
    const run = async () => {
      for await (const x of itemsOfPages(pagesOf([[1, 2], [3]], [], 1))) got.push(x);
    };
    await expect(run()).rejects.toThrow('page 1 failed');
    expect(got).toEqual([1, 2]);
  });

  it('ends the page reader when the consumer stops early', async () => {
    const log: string[] = [];
    const got: number[] = [];
    for await (const x of itemsOfPages(pagesOf([[1, 2, 3], [4]], log))) {
      got.push(x);
      if (x === 2) break;
    }
    expect(got).toEqual([1, 2]);
    expect(log).toEqual(['page 0', 'closed']);
    const it = itemsOfPages(pagesOf([[1], [2]]));
    expect(await it.next()).toEqual({ value: 1, done: false });
    await it.return!();
    expect(await it.next()).toEqual({ value: undefined, done: true });
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('answers next() calls made before the previous one settled in order, each item once', async () => {
    const it = itemsOfPages(pagesOf([[1], [2, 3], [4]]));
    const all = await Promise.all([it.next(), it.next(), it.next(), it.next(), it.next()]);
    expect(all.map((r) => (r.done ? 'done' : r.value))).toEqual([1, 2, 3, 4, 'done']);
  });

  it('hands out the rest of the page in hand through takeBuffered(), each item once, in order', async () => {
    const log: string[] = [];
    const it = itemsOfPages(pagesOf([[1, 2, 3], [4], [5, 6]], log));
    expect(it.takeBuffered()).toEqual([]);
    expect(await it.next()).toEqual({ value: 1, done: false });
    expect(it.takeBuffered()).toEqual([2, 3]);
    expect(it.takeBuffered()).toEqual([]);
    expect(log).toEqual(['page 0']);
    const second = it.next();
    // While the next page is being read nothing is in hand.
    expect(it.takeBuffered()).toEqual([]);
    expect(await second).toEqual({ value: 4, done: false });
    expect(it.takeBuffered()).toEqual([]);
    expect(await it.next()).toEqual({ value: 5, done: false });
    expect(await it.next()).toEqual({ value: 6, done: false });
    expect(it.takeBuffered()).toEqual([]);
    expect(await it.next()).toEqual({ value: undefined, done: true });
    expect(log).toEqual(['page 0', 'page 1', 'page 2', 'closed']);
  });

  it('takes a whole page at once when none of it was handed out yet', async () => {
    const it = itemsOfPages(
      pagesOf([
        [1, 2],
        [3, 4],
      ]),
    );
    const got: number[] = [];
    for await (const x of it) got.push(x, ...it.takeBuffered());
    expect(got).toEqual([1, 2, 3, 4]);
  });
});
