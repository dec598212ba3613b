// WebSocket transport for the browser (calpump serve). Uses the platform WebSocket (tests inject `ws`).
// The session cookie set by the server authenticates the upgrade; no token is kept in script.
import type { RpcResult, RpcTransport, WsServerFrame } from './wire.js';

interface MinimalSocket {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type WebSocketFactory = (url: string) => MinimalSocket;

export interface WsTransportOptions {
  /** ws://127.0.0.1:PORT/rpc — default: the page's own origin + /rpc. */
  url?: string;
  createSocket?: WebSocketFactory;
  /** Reconnect delay after the socket closed; doubles up to 10 s. */
  reconnectMs?: number;
  onConnectionChange?: (connected: boolean) => void;
  /**
   * Opens the socket once this settles instead of at once; calls made before wait in the outbox as they do while
   * a socket connects. The page uses it to keep the socket's set-up out of its first render when it came with
   * that render's data (src/renderer/main.ts).
   */
  openWhen?: Promise<unknown>;
}

const OPEN = 1;

export function defaultRpcUrl(): string {
  const loc = (globalThis as unknown as { location?: { protocol: string; host: string } }).location;
  if (!loc) throw new Error('no page location: pass url');
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/rpc`;
}

export function createWsTransport(opts: WsTransportOptions = {}): RpcTransport & { close(): void } {
  const url = opts.url ?? defaultRpcUrl();
  const make: WebSocketFactory =
    opts.createSocket ?? ((u) => new (globalThis as unknown as { WebSocket: new (u: string) => MinimalSocket }).WebSocket(u));
  const pending = new Map<number, (r: RpcResult) => void>();
  const outbox: string[] = [];
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let nextId = 1;
  let socket: MinimalSocket | undefined;
  let closed = false;
  let delay = opts.reconnectMs ?? 500;

  function connect(): void {
    const s = make(url);
    socket = s;
    s.onopen = () => {
      delay = opts.reconnectMs ?? 500;
      opts.onConnectionChange?.(true);
      for (const frame of outbox.splice(0)) s.send(frame);
    };
    s.onmessage = (ev) => {
      let frame: WsServerFrame;
      try {
        frame = JSON.parse(String(ev.data)) as WsServerFrame;
      } catch {
        return;
      }
      if (frame.t === 'result') {
        const done = pending.get(frame.id);
        pending.delete(frame.id);
        done?.(frame.ok ? { ok: true, output: frame.output } : { ok: false, error: frame.error });
      } else if (frame.t === 'event') {
        for (const l of listeners) l(frame.name, frame.payload);
      }
    };
    s.onerror = () => undefined;
    s.onclose = () => {
      opts.onConnectionChange?.(false);
      // Calls in flight are lost with the socket; their callers get rpc.disconnected.
      for (const [id, done] of pending) {
        pending.delete(id);
        done({
          ok: false,
          error: { id: 'rpc.disconnected', params: {} },
        });
      }
      if (!closed) {
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 10_000);
      }
    };
  }

  if (opts.openWhen) {
    const open = () => {
      if (!closed && !socket) connect();
    };
    opts.openWhen.then(open, open);
  } else connect();

  return {
    call(method, input) {
      const id = nextId++;
      const frame = JSON.stringify({ t: 'call', id, method, input });
      return new Promise<RpcResult>((resolve) => {
        pending.set(id, resolve);
        if (socket && socket.readyState === OPEN) socket.send(frame);
        else outbox.push(frame);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
