// The items of an async sequence of pages, one at a time, for a for-await consumer. An async generator that
// yields each item pays per item for an await of the value and its request queue (and, with AsyncLocalStorage
// in the process, the promise hook on every one of those promises); here the items of the page in hand are
// handed out as already-resolved promises and only a new page waits. A consumer that knows takeBuffered() (the
// export's file writer) takes the rest of the page in hand at once, without a promise per item.
import type { BufferedItems } from '../buffered-items.js';

export function itemsOfPages<T>(pages: AsyncIterator<T[]>): AsyncIterableIterator<T> & BufferedItems<T> {
  let page: T[] = [];
  let k = 0;
  let finished = false;
  /** A page being fetched: a next() made meanwhile waits for it instead of fetching another. */
  let pending: Promise<IteratorResult<T>> | undefined;
  const refill = async (): Promise<IteratorResult<T>> => {
    while (k >= page.length) {
      if (finished) return { value: undefined, done: true };
      const r = await pages.next();
      if (r.done) {
        finished = true;
        page = [];
        k = 0;
        return { value: undefined, done: true };
      }
      page = r.value;
      k = 0;
    }
    return { value: page[k++], done: false };
  };
  const it: AsyncIterableIterator<T> & BufferedItems<T> = {
    [Symbol.asyncIterator]: () => it,
    takeBuffered(): T[] {
      // While a page is being fetched the items in hand are already handed out (k === page.length).
      if (pending || k >= page.length) return [];
      const rest = k === 0 ? page : page.slice(k);
      k = page.length;
      return rest;
    },
    next(): Promise<IteratorResult<T>> {
      if (pending) return pending.then(() => it.next());
      if (k < page.length) return Promise.resolve({ value: page[k++], done: false });
      if (finished) return Promise.resolve({ value: undefined, done: true });
      const p = refill();
      pending = p;
      // Cleared before any next() that waits on it runs (its handler was added first).
      const clear = () => {
        if (pending === p) pending = undefined;
      };
      p.then(clear, clear);
      return p;
    },
    async return(value?: unknown): Promise<IteratorResult<T>> {
      finished = true;
      page = [];
      k = 0;
      await pages.return?.(undefined);
      return { value: value as T, done: true };
    },
  };
  return it;
}
