// A local HTTPS server that misbehaves on purpose, one way per path prefix: https://127.0.0.1:PORT/<case>/EWS/Exchange.asmx
// answers every request with that case. The certificate is the shared test one (test/fixtures/ews/tls, signed by
// the test root CA), so a profile trusts it with --ca-file and TLS stays verified. `silent-tcp` is a second port
// that accepts TCP and never says a word (not even a TLS handshake).
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const tlsDir = path.resolve(__dirname, '../fixtures/ews/tls');
const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../fixtures/ews', name), 'utf8');
export const HOSTILE_CA_FILE = path.join(tlsDir, 'ca.pem');

const XML = { 'Content-Type': 'text/xml; charset=utf-8' };
const envelope = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`;

/** 1.5 MB of gzip that unpacks to 1.5 GB of zeros: 150 gzip members of 10 MB each (concatenated members are valid gzip). */
let bomb: Buffer | undefined;
function gzipBomb(): Buffer {
  const member = zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024), { level: 9 });
  bomb ??= Buffer.concat(Array.from({ length: 150 }, () => member));
  return bomb;
}

function endless(res: http.ServerResponse, head: Record<string, string>): void {
  if (!res.headersSent) res.writeHead(200, head);
  const chunk = Buffer.from(`<t:Item>${'x'.repeat(64 * 1024)}</t:Item>`);
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  res.write('<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>');
  pump();
}

export type HostileCase =
  | 'gzip-bomb'
  | 'oversized'
  | 'endless'
  | 'deep-xml'
  | 'xxe'
  | 'entity-expansion'
  | 'html-login'
  | 'silence'
  | 'cut'
  | 'unknown-encoding'
  | 'packed-gzip'
  | 'packed-deflate'
  | 'packed-br'
  | 'damaged-gzip';

const PACKED = Buffer.from('<ok>unpacked</ok>');

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export const HOSTILE_CASES: Record<HostileCase, Handler> = {
  'gzip-bomb': (_q, res) => {
    const body = gzipBomb();
    res.writeHead(200, { ...XML, 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) }).end(body);
  },
  // Announces 600 MB and starts sending them.
  oversized: (_q, res) => {
    endless(res, { ...XML, 'Content-Length': String(600 * 1024 * 1024) });
  },
  // Chunked, fast, never ends.
  endless: (_q, res) => endless(res, XML),
  'deep-xml': (_q, res) => res.writeHead(200, XML).end(envelope(`${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`)),
  xxe: (_q, res) => res.writeHead(200, XML).end(fixture('xxe.xml')),
  'entity-expansion': (_q, res) => res.writeHead(200, XML).end(fixture('billion-laughs.xml')),
  'html-login': (_q, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(fixture('owa-forms-login.html')),
  // Reads the request, then never answers (the TLS handshake did complete).
  silence: () => undefined,
  // Promises a full SOAP answer, sends half of it, then drops the connection.
  cut: (_q, res) => {
    const body = Buffer.from(fixture('get-folder-kalender-2016.xml'));
    res.writeHead(200, { ...XML, 'Content-Length': String(body.length) });
    res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy());
  },
  'unknown-encoding': (_q, res) => res.writeHead(200, { ...XML, 'Content-Encoding': 'zstd' }).end('(\xb5/\xfd'),
  'packed-gzip': (_q, res) => res.writeHead(200, { ...XML, 'Content-Encoding': 'gzip' }).end(zlib.gzipSync(PACKED)),
  'packed-deflate': (_q, res) => res.writeHead(200, { ...XML, 'Content-Encoding': 'deflate' }).end(zlib.deflateSync(PACKED)),
  'packed-br': (_q, res) => res.writeHead(200, { ...XML, 'Content-Encoding': 'br' }).end(zlib.brotliCompressSync(PACKED)),
  'damaged-gzip': (_q, res) => {
    const packed = zlib.gzipSync(Buffer.from(`<ok>${'damaged '.repeat(1000)}</ok>`));
    packed.fill(0x55, 20, 60);
    res.writeHead(200, { ...XML, 'Content-Encoding': 'gzip' }).end(packed);
  },
};

export interface HostileServer {
  /** The EWS URL that answers with one case. */
  ewsUrl(c: HostileCase): string;
  /** https://127.0.0.1:PORT/EWS/Exchange.asmx on a port that accepts TCP and never answers. */
  silentTcpUrl: string;
  /** Requests seen per case. */
  hits: Record<string, number>;
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  const hits: Record<string, number> = {};
  const server = https.createServer(
    { key: readFileSync(path.join(tlsDir, 'server.key')), cert: readFileSync(path.join(tlsDir, 'server.pem')) },
    (req, res) => {
      const name = /^\/([^/]+)\//.exec(req.url ?? '')?.[1] as HostileCase;
      hits[name] = (hits[name] ?? 0) + 1;
      res.on('error', () => undefined);
      const handler = HOSTILE_CASES[name];
      req.resume();
      req.on('end', () => (handler ? handler(req, res) : res.writeHead(404).end()));
    },
  );
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const silentPort = (silent.address() as AddressInfo).port;
  return {
    ewsUrl: (c) => `https://127.0.0.1:${port}/${c}/EWS/Exchange.asmx`,
    silentTcpUrl: `https://127.0.0.1:${silentPort}/EWS/Exchange.asmx`,
    hits,
    close: async () => {
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => silent.close(r))]);
    },
  };
}
