// A tiny local forward proxy for tests: CONNECT tunnelling and plain HTTP forwarding, counting what passes.
// Only loopback targets are forwarded — tests never reach beyond 127.0.0.1.
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** host:port the client asked for. */
  target: string;
  proxyAuthorization?: string;
}

export interface ForwardProxy {
  url: string;
  port: number;
  requests: ProxiedRequest[];
  /** Number of requests (CONNECTs and forwarded requests) per host:port. */
  countFor(target: string): number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startForwardProxy(opts: { credentials?: { username: string; password: string } } = {}): Promise<ForwardProxy> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<net.Socket>();
  const expected = opts.credentials
    ? 'Basic ' + Buffer.from(`${opts.credentials.username}:${opts.credentials.password}`).toString('base64')
    : undefined;
  const authorised = (h: string | undefined) => !expected || h === expected;

  const server = http.createServer((req, res) => {
    const target = new URL(req.url ?? '/');
    const hostPort = `${target.hostname}:${target.port || 80}`;
    requests.push({ method: req.method ?? 'GET', target: hostPort, proxyAuthorization: req.headers['proxy-authorization'] });
    if (!authorised(req.headers['proxy-authorization'])) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test-proxy"' }).end();
      return;
    }
    if (!LOOPBACK.has(target.hostname)) {
      res.writeHead(403).end('only loopback targets');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(
      { host: target.hostname, port: target.port || 80, path: target.pathname + target.search, method: req.method, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    requests.push({ method: 'CONNECT', target, proxyAuthorization: req.headers['proxy-authorization'] });
    if (!authorised(req.headers['proxy-authorization'])) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test-proxy"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const i = target.lastIndexOf(':');
    const host = target.slice(0, i).replace(/^\[|\]$/g, '');
    const port = Number(target.slice(i + 1));
    if (!LOOPBACK.has(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect({ host, port }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    countFor: (target) => requests.filter((r) => r.target === target).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
