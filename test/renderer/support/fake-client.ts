// A typed RpcClient over an in-memory transport: each method answers from a handler map and every call is
// recorded, so component tests can assert exactly what the UI sent to the host.
import './dom-timeouts.js';
import { createRpcClient, type RpcClient, type RpcMethod } from '../../../src/shared/rpc.js';
import type { ErrorInfo } from '../../../src/shared/errors.js';

export type Handler = (input: Record<string, unknown>) => unknown;

export interface FakeClient {
  client: RpcClient;
  calls: Array<{ method: string; input: Record<string, unknown> }>;
  emit: (name: string, payload: unknown) => void;
}

export class HostError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.id);
    this.name = 'HostError';
  }
}

export function fakeClient(handlers: Partial<Record<RpcMethod, Handler>>): FakeClient {
  const calls: FakeClient['calls'] = [];
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const client = createRpcClient({
    async call(method, input) {
      calls.push({ method, input: input as Record<string, unknown> });
      const h = handlers[method as RpcMethod];
      if (!h) return { ok: false, error: { id: 'test.unhandled', params: { method } } };
      try {
        return { ok: true, output: await h(input as Record<string, unknown>) };
      } catch (e) {
        if (e instanceof HostError) return { ok: false, error: e.info };
        throw e;
      }
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  });
  return { client, calls, emit: (n, p) => listeners.forEach((l) => l(n, p)) };
}
