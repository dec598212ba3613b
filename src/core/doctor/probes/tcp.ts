// TCP connect probe: proves the port answers before TLS or HTTP can be blamed.
import * as net from 'node:net';
import type { CalpumpError } from '../../errors/calpump-error.js';
import { mapNetworkError } from '../../net/network-errors.js';

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
    const timer = setTimeout(
      () => socket.destroy(Object.assign(new Error(`no answer within ${t.timeoutMs} ms`), { code: 'ETIMEDOUT' })),
      t.timeoutMs,
    );
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
  return mapNetworkError(e, { host: t.host, port: t.port, proxy: '-', timeoutMs: t.timeoutMs, viaProxy: false });
}
