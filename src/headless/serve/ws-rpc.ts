// The WebSocket end of the RPC: one socket per browser tab, every call answered with an RpcResult frame and
// every host event pushed to every socket.
import type { RawData, WebSocket } from 'ws';
import { wsClientFrameSchema, type WsServerFrame } from '../../shared/rpc.js';
import type { Dispatcher } from '../../core/rpc/dispatcher.js';
import type { Logger } from '../../core/log/logger.js';

export function serveRpcSocket(socket: WebSocket, dispatcher: Dispatcher, logger: Logger): void {
  const send = (frame: WsServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const unsubscribe = dispatcher.events.subscribe((name, payload) => send({ t: 'event', name, payload }));
  socket.on('close', unsubscribe);
  socket.on('error', (e) => logger.debug('serve.ws.error', { error: e.message }));
  socket.on('message', (data, isBinary) => {
    if (isBinary) return socket.close(1003, 'text frames only');
    let parsed;
    try {
      parsed = wsClientFrameSchema.safeParse(JSON.parse(frameText(data)));
    } catch {
      return socket.close(1007, 'not JSON');
    }
    if (!parsed.success) return socket.close(1007, 'not a call frame');
    const { id, method, input } = parsed.data;
    void dispatcher.call(method, input).then((result) => send({ t: 'result', id, ...result }));
  });
}

/** A text frame's characters, whichever of the ws library's buffer shapes it arrived in. */
function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (data instanceof ArrayBuffer ? Buffer.from(data) : data).toString('utf8');
}
