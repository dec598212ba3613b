// Messages on the wire, the same for Electron IPC and WebSocket. A call never throws across the wire: it
// resolves to an RpcResult whose error is a catalogue ErrorInfo.
import { z } from 'zod';
import { errorInfoSchema, type ErrorInfo } from '../errors.js';

export type RpcResult = { ok: true; output: unknown } | { ok: false; error: ErrorInfo };

export const rpcResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);

/** WebSocket frames. IPC uses invoke() for calls and a channel per direction for events. */
export const wsClientFrameSchema = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string(),
  input: z.unknown(),
});
export type WsClientFrame = z.infer<typeof wsClientFrameSchema>;
export type WsServerFrame = ({ t: 'result'; id: number } & RpcResult) | { t: 'event'; name: string; payload: unknown };

/** IPC channel names (main ↔ preload). */
export const IPC_CALL_CHANNEL = 'calpump:rpc';
export const IPC_EVENT_CHANNEL = 'calpump:event';

/**
 * What a client needs from a transport. `call` resolves to a result and rejects only when the transport
 * itself failed (connection lost); `subscribe` delivers every event and returns an unsubscribe function.
 */
export interface RpcTransport {
  call(method: string, input: unknown): Promise<RpcResult>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}
