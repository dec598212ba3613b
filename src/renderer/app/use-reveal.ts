// A pane that opens below a long list (an event's or an item's detail under the folder's rows) would open out of
// sight: the ref this returns scrolls its element into view each time `key` changes — as little as needed, so a
// pane already on screen does not move.
import { useEffect, useRef } from 'react';

export function useReveal<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [key]);
  return ref;
}

/** Focus back on row `index` of the table in `box` — where the reader was before a pane they close took it. */
export function focusRow(box: HTMLElement | null, index: number): void {
  if (index >= 0) box?.querySelectorAll<HTMLElement>('tbody tr')[index]?.focus();
}
