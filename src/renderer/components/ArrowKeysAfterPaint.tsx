// Arrow-key navigation inside a list (Fluent's Tabster mover: the list is one Tab stop, arrows move inside it),
// switched on in the commit after the list first shows, from its own chunk (ArrowKeys.tsx). Tabster starts on its
// first use in a page (about 20 ms in a fresh renderer) and is a large part of the app's script; on the home
// screen neither would sit between the data and the first frame that shows it. The keys work a moment later,
// before anyone can press one.
import type { UseArrowNavigationGroupOptions } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState, type RefObject } from 'react';

const ArrowKeys = lazy(() => import('./ArrowKeys.js'));

/** Mount inside the list's component; `target` is the list element's ref. */
export function ArrowKeysAfterPaint({ target, ...options }: UseArrowNavigationGroupOptions & { target: RefObject<HTMLElement | null> }) {
  const [on, setOn] = useState(false);
  useEffect(() => setOn(true), []);
  return on ? (
    <Suspense fallback={null}>
      <ArrowKeys target={target} options={options} />
    </Suspense>
  ) : null;
}
