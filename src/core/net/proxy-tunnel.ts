// CONNECT tunnelling through a forward proxy. Written here (instead of https-proxy-agent) because the TLS
// session on top of the tunnel needs our own verification step (pinning, evidence) before any byte of the
// request — which carries credentials — is written.
import * as net from 'node:net';
import * as tls from 'node:tls';
import { CalpumpError } from '../errors/calpump-error.js';
import type { ProxyRoute } from './proxy-resolution.js';
import { describeProxy } from './proxy-resolution.js';

export function proxyAuthorization(route: ProxyRoute): string | undefined {
  if (route.kind !== 'proxy' || !route.username) return undefined;
  return 'Basic ' + Buffer.from(`${route.username}:${route.password ?? ''}`).toString('base64');
}

/** Opens a TCP (or TLS, for an https:// proxy) connection to the proxy itself. */
export function connectToProxy(route: ProxyRoute): net.Socket {
  const u = route.proxyUrl!;
  const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return u.protocol === 'https:' ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host }) : net.connect({ host, port });
}

/** Resolves with a socket tunnelled to host:port, or rejects with net.proxy.failed / a raw socket error. */
export function openTunnel(route: ProxyRoute, host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectToProxy(route);
    const target = `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
    let head = Buffer.alloc(0);
    const cleanup = () => {
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('end', onEnd);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onEnd = () => {
      cleanup();
      reject(
        new CalpumpError('net.proxy.failed', {
          params: { proxy: describeProxy(route), reason: 'the proxy closed the connection during CONNECT' },
        }),
      );
    };
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > 16_384) onEnd();
        return;
      }
      cleanup();
      const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
      if (status !== 200) {
        socket.destroy();
        const reason =
          status === 407
            ? `${statusLine.slice(9)} (proxy credentials missing or wrong)`
            : statusLine.slice(9) || 'no valid answer to CONNECT';
        reject(
          new CalpumpError('net.proxy.failed', {
            params: { proxy: describeProxy(route), reason },
            evidence: `CONNECT ${target} → ${statusLine}`,
          }),
        );
        return;
      }
      const rest = head.subarray(end + 4);
      if (rest.length) socket.unshift(rest);
      resolve(socket);
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('end', onEnd);
    const auth = proxyAuthorization(route);
    socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`);
  });
}
