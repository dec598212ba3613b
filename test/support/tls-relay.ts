// A TLS-terminating relay in front of a server: it presents its own certificate (the shared test certificate
// signed by test/fixtures/ews/tls/ca.pem) and opens a fresh TLS connection upstream for each client connection,
// as a TLS-inspecting proxy or an SSL-offloading load balancer does. Extended Protection exists to notice this.
import * as net from 'node:net';
import * as tls from 'node:tls';
import { readFixture, tlsDir } from './local-tls-server.js';
import { join } from 'node:path';

export interface TlsRelay {
  port: number;
  /** The relay's origin, e.g. https://127.0.0.1:PORT */
  url: string;
  /** CA file a client trusts to accept the relay's certificate. */
  caFile: string;
  close(): Promise<void>;
}

export async function startTlsRelay(upstream: { host: string; port: number }): Promise<TlsRelay> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ key: readFixture('server.key'), cert: readFixture('server.pem') }, (client) => {
    const up = tls.connect({ host: upstream.host, port: upstream.port, rejectUnauthorized: false });
    sockets.add(client).add(up);
    const end = () => {
      client.destroy();
      up.destroy();
      sockets.delete(client);
      sockets.delete(up);
    };
    client.on('error', end).on('close', end);
    up.on('error', end).on('close', end);
    client.pipe(up).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `https://127.0.0.1:${port}`,
    caFile: join(tlsDir, 'ca.pem'),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
