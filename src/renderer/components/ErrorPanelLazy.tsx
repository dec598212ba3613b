// ErrorPanel for the first screen: loaded when an error is first shown, so home paints without the message bar.
import { lazy, Suspense, type ComponentProps } from 'react';

const Panel = lazy(() => import('./ErrorPanel.js').then((m) => ({ default: m.ErrorPanel })));

export function ErrorPanelLazy(props: ComponentProps<typeof Panel>) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
