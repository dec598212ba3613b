// A loopback server with the shared test certificates (test/fixtures/ews/tls): signed by the test root CA,
// self-signed, or plain HTTP. The net layer's and the doctor's TLS tests meet the same certificates.
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export const tlsDir = path.resolve(__dirname, '../fixtures/ews/tls');
export const readFixture = (f: string) => readFileSync(path.join(tlsDir, f), 'utf8');

export type LocalServerKind = 'ca-signed' | 'self-signed' | 'plain';

export interface LocalServer {
  port: number;
  /** Origin, e.g. https://127.0.0.1:PORT */
  url: string;
  close(): Promise<void>;
}

export async function startLocalServer(
  kind: LocalServerKind,
  handler: http.RequestListener = (_q, s) => s.end('ok'),
): Promise<LocalServer> {
  const files = kind === 'ca-signed' ? ['server.key', 'server.pem'] : ['other.key', 'other.pem'];
  const server =
    kind === 'plain'
      ? http.createServer(handler)
      : https.createServer({ key: readFixture(files[0]), cert: readFixture(files[1]) }, handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `${kind === 'plain' ? 'http' : 'https'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
