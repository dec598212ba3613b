// The typed client, derived from the contract — never hand-mirrored. Used by the preload script (over IPC) and
// by the browser (over WebSocket); the renderer only sees RpcClient and cannot tell which transport it has.
// Only types come from the contract: the client answers any method name (a Proxy) and leaves checking to the
// host, so the renderer's first screen loads without zod and the contract's schemas.
import type { ErrorInfo } from '../errors.js';
import type { RpcInput, RpcMethod, RpcOutput } from './contract.js';
import type { RpcEventName, RpcEventPayload } from './events.js';
import type { RpcResult, RpcTransport } from './wire.js';

export interface CallOptions {
  /** Aborting sends app.cancel for the call's operation id and rejects with rpc.cancelled. */
  signal?: AbortSignal;
}

type MethodFn<M extends RpcMethod> =
  undefined extends RpcInput<M>
    ? (input?: RpcInput<M>, opts?: CallOptions) => Promise<RpcOutput<M>>
    : (input: RpcInput<M>, opts?: CallOptions) => Promise<RpcOutput<M>>;

export type RpcClient = { [M in RpcMethod]: MethodFn<M> } & {
  on<E extends RpcEventName>(event: E, listener: (payload: RpcEventPayload<E>) => void): () => void;
};

// Errors thrown through Electron's contextBridge keep only their message, so the ErrorInfo travels inside it.
const MARK = 'calpump-error:';

/** A failed call. `info` is the catalogue entry; use errorInfoOf(e) to read it from anything caught. */
export class RpcError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(MARK + JSON.stringify(info));
    this.name = 'RpcError';
    this.info = info;
  }
}

/** The ErrorInfo of a caught error: an RpcError, one that crossed contextBridge, or anything else. */
export function errorInfoOf(e: unknown): ErrorInfo {
  if (e instanceof RpcError) return e.info;
  const msg = e instanceof Error ? e.message : typeof e === 'string' ? e : String(e);
  const at = msg.indexOf(MARK);
  if (at >= 0) {
    try {
      const info: unknown = JSON.parse(msg.slice(at + MARK.length));
      if (isErrorInfo(info)) return { ...info, params: info.params ?? {} };
    } catch {
      // fall through: not ours
    }
  }
  return { id: 'internal.unexpected', params: { text: msg } };
}

type Loose<T> = { [K in keyof T]?: unknown };

/** The shape of errorInfoSchema (shared/errors.ts), checked by hand: this file stays free of zod. */
function isErrorInfo(v: unknown): v is Omit<ErrorInfo, 'params'> & { params?: ErrorInfo['params'] } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Loose<ErrorInfo>;
  if (typeof o.id !== 'string' || (o.evidence !== undefined && typeof o.evidence !== 'string')) return false;
  if (o.params === undefined) return true;
  if (typeof o.params !== 'object' || o.params === null) return false;
  return Object.values(o.params).every(
    (p) =>
      typeof p === 'string' ||
      typeof p === 'number' ||
      (typeof p === 'object' && p !== null && typeof (p as { key?: unknown }).key === 'string'),
  );
}

let opCounter = 0;
/** A fresh operation id for a call whose events the caller wants to pick out. */
export function newOpId(): string {
  opCounter += 1;
  return `op-${Date.now().toString(36)}-${opCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function createRpcClient(transport: RpcTransport): RpcClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribe: (() => void) | undefined;

  function ensureSubscribed(): void {
    if (unsubscribe) return;
    unsubscribe = transport.subscribe((name, payload) => {
      for (const l of listeners.get(name) ?? []) {
        try {
          l(payload);
        } catch {
          // One faulty listener must not stop the others.
        }
      }
    });
  }

  async function call(method: RpcMethod, input: unknown, opts?: CallOptions): Promise<unknown> {
    const signal = opts?.signal;
    let payload = input;
    let opId: string | undefined;
    if (signal && method !== 'app.cancel' && (input === undefined || (typeof input === 'object' && input !== null))) {
      // A caller that follows the call's events (test.step, import.progress) names the operation itself. The host
      // drops the opId of a method that cannot be cancelled.
      const given = (input as { opId?: unknown } | undefined)?.opId;
      opId = typeof given === 'string' && given ? given : newOpId();
      payload = { ...(input ?? {}), opId };
    }
    if (signal?.aborted) throw new RpcError(cancelledInfo());
    const pending = transport
      .call(method, payload === undefined ? {} : payload)
      .catch((e: unknown) => ({ ok: false as const, error: disconnectedInfo(e) }));
    const result = signal ? await raceAbort(pending, signal, opId, transport) : await pending;
    if (!result.ok) throw new RpcError(result.error);
    return result.output;
  }

  const on = (event: string, listener: (payload: unknown) => void) => {
    ensureSubscribed();
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  };
  const methods = new Map<string, (input?: unknown, opts?: CallOptions) => Promise<unknown>>();
  // Every "group.name" is a method (the host answers rpc.unknownMethod for one it does not have); nothing else
  // is, so the client is never mistaken for a promise (no `then`).
  return new Proxy({} as RpcClient, {
    get(_target, key) {
      if (key === 'on') return on;
      if (typeof key !== 'string' || !/^[\w-]+(\.[\w-]+)+$/.test(key)) return undefined;
      let fn = methods.get(key);
      if (!fn) {
        fn = (input?: unknown, opts?: CallOptions) => call(key as RpcMethod, input, opts);
        methods.set(key, fn);
      }
      return fn;
    },
  });
}

function disconnectedInfo(e: unknown): ErrorInfo {
  const evidence = e instanceof Error ? e.message : String(e);
  return { id: 'rpc.disconnected', params: {}, evidence };
}

function cancelledInfo(): ErrorInfo {
  return { id: 'rpc.cancelled', params: {} };
}

function raceAbort(pending: Promise<RpcResult>, signal: AbortSignal, opId: string | undefined, transport: RpcTransport) {
  return new Promise<RpcResult>((resolve) => {
    const onAbort = () => {
      if (opId) void transport.call('app.cancel', { opId }).catch(() => undefined);
      resolve({ ok: false, error: cancelledInfo() });
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (r) => {
        signal.removeEventListener('abort', onAbort);
        resolve(r);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        resolve({ ok: false, error: disconnectedInfo(e) });
      },
    );
  });
}
