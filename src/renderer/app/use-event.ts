// Subscribes a component to one host event for its lifetime.
import { useEffect, useRef } from 'react';
import type { RpcEventName, RpcEventPayload } from '../../shared/rpc.js';
import { useClient } from './client-context.js';

export function useEvent<E extends RpcEventName>(name: E, listener: (payload: RpcEventPayload<E>) => void): void {
  const client = useClient();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => client.on(name, (p) => ref.current(p)), [client, name]);
}
