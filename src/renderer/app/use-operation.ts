// One long call with progress and cancel: every view uses this instead of hand-rolling loading/error state.
// Aborting sends app.cancel through the client (see CallOptions.signal) and leaves a "cancelled" state,
// which views show as a neutral note, not as an error.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../shared/errors.js';
import { errorInfoOf } from '../../shared/rpc/client.js';

export interface OperationState<T> {
  running: boolean;
  result?: T;
  error?: ErrorInfo;
  cancelled: boolean;
}

export interface Operation<T, A extends unknown[]> extends OperationState<T> {
  run: (...args: A) => Promise<T | undefined>;
  cancel: () => void;
  reset: () => void;
}

export function isCancelled(e: ErrorInfo | undefined): boolean {
  return e?.id === 'rpc.cancelled';
}

export function useOperation<T, A extends unknown[]>(fn: (signal: AbortSignal, ...args: A) => Promise<T>): Operation<T, A> {
  const [state, setState] = useState<OperationState<T>>({ running: false, cancelled: false });
  const controller = useRef<AbortController | null>(null);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (...args: A) => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    setState((s) => ({ running: true, cancelled: false, result: s.result }));
    try {
      const result = await fnRef.current(ac.signal, ...args);
      if (controller.current === ac) setState({ running: false, cancelled: false, result });
      return result;
    } catch (e) {
      const error = errorInfoOf(e);
      if (controller.current === ac) {
        setState(
          isCancelled(error) || ac.signal.aborted ? { running: false, cancelled: true } : { running: false, cancelled: false, error },
        );
      }
      return undefined;
    } finally {
      if (controller.current === ac) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ running: false, cancelled: false });
  }, []);

  return { ...state, run, cancel, reset };
}
