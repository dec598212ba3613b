// Fluent's Tabster mover on an element someone else renders: sets Tabster's attribute on `target` and takes it
// away when it unmounts. Its own chunk with Tabster (ArrowKeysAfterPaint.tsx loads it after the first paint).
import { useArrowNavigationGroup, type UseArrowNavigationGroupOptions } from '@fluentui/react-components';
import { useLayoutEffect, type RefObject } from 'react';

export default function ArrowKeys({ target, options }: { target: RefObject<HTMLElement | null>; options: UseArrowNavigationGroupOptions }) {
  const attributes = useArrowNavigationGroup(options);
  // Keyed by the attributes' text, not the object: a re-render with the same options leaves the element (and the
  // mover Tabster built on it, with the item it remembers) alone.
  const set = JSON.stringify(Object.entries(attributes).filter((a): a is [string, string] => typeof a[1] === 'string'));
  useLayoutEffect(() => {
    const el = target.current;
    if (!el) return;
    const pairs = JSON.parse(set) as [string, string][];
    for (const [k, v] of pairs) el.setAttribute(k, v);
    return () => pairs.forEach(([k]) => el.removeAttribute(k));
  }, [set, target]);
  return null;
}
