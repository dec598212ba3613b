// Fluent's Tabster mover on an element someone else renders: sets Tabster's attribute on `target` and takes it
// away when it unmounts. Its own chunk with Tabster (ArrowKeysAfterPaint.tsx loads it after the first paint).
import { useArrowNavigationGroup, type UseArrowNavigationGroupOptions } from '@fluentui/react-components';
import { useLayoutEffect, type RefObject } from 'react';

export default function ArrowKeys({ target, options }: { target: RefObject<HTMLElement | null>; options: UseArrowNavigationGroupOptions }) {
  const attributes = useArrowNavigationGroup(options);
  useLayoutEffect(() => {
    const el = target.current;
    if (!el) return;
    const set = Object.entries(attributes).filter((a): a is [string, string] => typeof a[1] === 'string');
    for (const [k, v] of set) el.setAttribute(k, v);
    return () => set.forEach(([k]) => el.removeAttribute(k));
  }, [attributes, target]);
  return null;
}
