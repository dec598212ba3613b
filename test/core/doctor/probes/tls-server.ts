// A local HTTPS server with the shared test certificates (test/fixtures/ews/tls), for the probe tests.
import { readFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export const tlsDir = path.resolve(__dirname, '../../../fixtures/ews/tls');
export const readFixture = (f: string) => readFileSync(path.join(tlsDir, f), 'utf8');

export interface LocalHttps {
  port: number;
  close(): Promise<void>;
}

export async function startHttps(kind: 'ca-signed' | 'self-signed', handler?: RequestListener): Promise<LocalHttps> {
  const files = kind === 'ca-signed' ? ['server.key', 'server.pem'] : ['other.key', 'other.pem'];
  const server = https.createServer({ key: readFixture(files[0]), cert: readFixture(files[1]) }, handler ?? ((_q, s) => s.end('ok')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
