// Fan-out of host events (job progress, status, log lines, app state) to every connected client.
import type { RpcEventName, RpcEventPayload } from '../../shared/rpc.js';

export type EventListener = (name: RpcEventName, payload: unknown) => void;

export interface EventHub {
  emit<E extends RpcEventName>(name: E, payload: RpcEventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      for (const l of [...listeners]) {
        try {
          l(name, payload);
        } catch {
          // A broken client connection must not stop delivery to the others.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
