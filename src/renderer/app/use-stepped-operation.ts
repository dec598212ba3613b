// A test or doctor call whose steps arrive one by one: the call is tagged with an operation id of our own, and
// `test.step` events with that id fill `live` while it runs.
import { useRef, useState } from 'react';
import { newOpId } from '../../shared/rpc/client.js';
import type { Step } from '../components/StepList.js';
import { useEvent } from './use-event.js';
import { useOperation, type Operation } from './use-operation.js';

export function useSteppedOperation<T, A extends unknown[]>(
  fn: (signal: AbortSignal, opId: string, ...args: A) => Promise<T>,
): Operation<T, A> & { live: Step[] } {
  const [live, setLive] = useState<Step[]>([]);
  const current = useRef<string | undefined>(undefined);
  useEvent('test.step', (e) => {
    if (e.opId !== current.current) return;
    setLive((list) => {
      const next = [...list];
      next[e.index] = e.step;
      return next.filter(Boolean);
    });
  });
  const op = useOperation(async (signal: AbortSignal, ...args: A) => {
    const opId = newOpId();
    current.current = opId;
    setLive([]);
    return fn(signal, opId, ...args);
  });
  return { ...op, live };
}
