// Unsaved changes are never dropped silently: a form marks itself dirty with useUnsavedChanges(dirty), and
// whatever would throw it away (another screen, another profile in the list, Close, a reload) asks first.
import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';

const UnsavedDialog = lazy(() => import('./UnsavedDialog.js'));

interface GuardValue {
  setDirty(key: string, dirty: boolean): void;
  isDirty(): boolean;
  /** True when nothing is dirty or the user chose to drop the changes (then every mark is cleared). */
  confirmDiscard(): Promise<boolean>;
}

const GuardContext = createContext<GuardValue>({
  setDirty: () => undefined,
  isDirty: () => false,
  confirmDiscard: async () => true,
});

export function UnsavedGuardProvider({ children }: { children: ReactNode }) {
  const dirty = useRef(new Set<string>());
  const [asking, setAsking] = useState<((ok: boolean) => void) | undefined>();

  const value = useMemo<GuardValue>(
    () => ({
      setDirty(key, isDirty) {
        if (isDirty) dirty.current.add(key);
        else dirty.current.delete(key);
      },
      isDirty: () => dirty.current.size > 0,
      confirmDiscard() {
        if (dirty.current.size === 0) return Promise.resolve(true);
        return new Promise<boolean>((resolve) =>
          setAsking(() => (ok: boolean) => {
            if (ok) dirty.current.clear();
            setAsking(undefined);
            resolve(ok);
          }),
        );
      },
    }),
    [],
  );

  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current.size === 0) return;
      e.preventDefault();
      e.returnValue = '';
    };
    globalThis.addEventListener?.('beforeunload', onUnload);
    return () => globalThis.removeEventListener?.('beforeunload', onUnload);
  }, []);

  return (
    <GuardContext.Provider value={value}>
      {children}
      {asking ? (
        <Suspense fallback={null}>
          <UnsavedDialog answer={asking} />
        </Suspense>
      ) : null}
    </GuardContext.Provider>
  );
}

export function useUnsavedGuard(): GuardValue {
  return useContext(GuardContext);
}

/** Marks the calling form's state; cleared when the form goes away (saved, closed or discarded). */
export function useUnsavedChanges(dirty: boolean): void {
  const key = useId();
  const guard = useUnsavedGuard();
  useEffect(() => {
    guard.setDirty(key, dirty);
  }, [guard, key, dirty]);
  useEffect(() => () => guard.setDirty(key, false), [guard, key]);
}

/** Runs `action` once the user agreed to leave unsaved changes behind (at once when there are none). */
export function useGuarded(): (action: () => void) => void {
  const guard = useUnsavedGuard();
  return useCallback(
    (action: () => void) => {
      void guard.confirmDiscard().then((ok) => ok && action());
    },
    [guard],
  );
}
