// Arrow-key navigation inside a list (Fluent's Tabster mover: the list is one Tab stop, arrows move inside it),
// switched on in the commit after the list first shows. Tabster starts on its first use in a page (about 20 ms in
// a fresh renderer), which on the home screen would sit between the data and the first frame that shows it; the
// keys work a moment later, before anyone can press one. Renders nothing: it sets Tabster's attribute on the
// element `target` points at, and takes it away when it unmounts.
import { useArrowNavigationGroup, type UseArrowNavigationGroupOptions } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

function ArrowKeys({ target, options }: { target: RefObject<HTMLElement | null>; options: UseArrowNavigationGroupOptions }) {
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

/** Mount inside the list's component; `target` is the list element's ref. */
export function ArrowKeysAfterPaint({ target, ...options }: UseArrowNavigationGroupOptions & { target: RefObject<HTMLElement | null> }) {
  const [on, setOn] = useState(false);
  useEffect(() => setOn(true), []);
  return on ? <ArrowKeys target={target} options={options} /> : null;
}
