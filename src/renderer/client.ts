// Picks the transport once at start-up: the Electron preload exposes a ready client as window.calpump; in a
// browser (calpump serve) we talk WebSocket to the page's own origin. Nothing else in the renderer knows which.
import type { RpcClient } from '../shared/rpc.js';
import { createRpcClient } from '../shared/rpc/client.js';
import { createWsTransport, type WsTransportOptions } from '../shared/rpc/ws-transport.js';

export type TransportKind = 'electron' | 'websocket';

export interface PickedClient {
  client: RpcClient;
  transport: TransportKind;
}

export interface ClientHost {
  calpump?: unknown;
}

function looksLikeClient(v: unknown): v is RpcClient {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { on?: unknown }).on === 'function' &&
    typeof (v as Record<string, unknown>)['profiles.list'] === 'function'
  );
}

export function pickClient(host: ClientHost, ws: WsTransportOptions = {}): PickedClient {
  if (looksLikeClient(host.calpump)) return { client: host.calpump, transport: 'electron' };
  return { client: createRpcClient(createWsTransport(ws)), transport: 'websocket' };
}
