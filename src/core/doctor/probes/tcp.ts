// TCP connect probe: proves the port answers before TLS or HTTP can be blamed.
import * as net from 'node:net';
import { CalpumpError } from '../../errors/calpump-error.js';
import { mapSocketError } from '../error-map.js';

export interface TcpTarget {
  /** Name shown in messages (the host from the URL, or the proxy). */
  host: string;
  /** Address to connect to (from the DNS step, so an injected resolver is honoured). */
  address: string;
  port: number;
  timeoutMs: number;
}

export interface TcpResult {
  remote: string;
  local: string;
}

export function probeTcp(t: TcpTarget): Promise<TcpResult> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: t.address, port: t.port });
    const timer = setTimeout(() => socket.destroy(Object.assign(new Error(`no answer within ${t.timeoutMs} ms`), { code: 'ETIMEDOUT' })), t.timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      const result = { remote: `${socket.remoteAddress}:${socket.remotePort}`, local: `${socket.localAddress}:${socket.localPort}` };
      socket.destroy();
      resolve(result);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(socketFailure(e, t));
    });
  });
}

export function socketFailure(e: NodeJS.ErrnoException, t: { host: string; port: number; timeoutMs: number }): CalpumpError {
  const id = mapSocketError(e.code, e.message);
  const reason = `${e.code ?? ''} ${e.message}`.trim();
  return new CalpumpError(id, {
    params: { host: t.host, port: String(t.port), reason, proxy: '-', seconds: String(Math.round(t.timeoutMs / 1000)) },
    evidence: reason,
    cause: e,
  });
}
