// A local HTTPS server that misbehaves on purpose, one way per path prefix: https://127.0.0.1:PORT/<case>/EWS/Exchange.asmx
// answers every request with that case. The certificate is the shared test one (test/fixtures/ews/tls, signed by
// the test root CA), so a profile trusts it with --ca-file and TLS stays verified. `silent-tcp` is a second port
// that accepts TCP and never says a word (not even a TLS handshake). With an upstream (the simulator), the
// TAMPER_CASES forward every request there and spoil only the answer: escape codes in names, a GetItem answer one
// message short, Graph times in a zone other than UTC.
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { localParts } from '../../src/sim/world/tz.js';

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

/** Cases that forward to the upstream and change its answer (rewrite gets the request body and the answer). */
export type TamperCase = 'escape-codes' | 'short-getitem' | 'graph-zoned';

/** What a spoiled name looks like: a terminal title, a screen clear and colours around the real name. */
export const ESCAPES = { before: '\x1b]0;owned\x07\x1b[2J\x1b[31m', after: '\x1b[0m\u202e' };

/**
 * A Graph UTC wall time moved into Europe/Berlin's Windows zone (CET/CEST by the EU rule), same instant. Uses the
 * simulator's zone arithmetic (Intl), not the connector's zoned-time code that the case is there to check.
 */
function berlinWallTime(utc: string): string {
  const p = localParts('Europe/Berlin', Date.parse(`${utc.slice(0, 19)}Z`));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}.0000000`;
}

const TAMPER: Record<TamperCase, (request: string, answer: string, contentType: string) => string> = {
  // Every display name (EWS folders, mailboxes; Graph "name"/"displayName") wrapped in escape codes.
  'escape-codes': (_q, a) =>
    a
      .replace(
        /(<t:DisplayName>)([^<]*)(<\/t:DisplayName>)/g,
        (_m, o: string, n: string, c: string) => `${o}${ESCAPES.before}${n}${ESCAPES.after}${c}`,
      )
      .replace(
        /("(?:name|displayName)":")([^"]*)"/g,
        (_m, o: string, n: string) =>
          `${o}${JSON.stringify(ESCAPES.before).slice(1, -1)}${n}${JSON.stringify(ESCAPES.after).slice(1, -1)}"`,
      ),
  // GetItem answers lose their last response message (the server answered for fewer ids than asked).
  'short-getitem': (q, a) => {
    if (!/<m:GetItem\b/.test(q)) return a;
    const messages = [...a.matchAll(/<m:GetItemResponseMessage\b[\s\S]*?<\/m:GetItemResponseMessage>/g)];
    const last = messages[messages.length - 1];
    if (!last || messages.length < 2) return a;
    return a.slice(0, last.index) + a.slice(last.index + last[0].length);
  },
  // Graph event times in W. Europe Standard Time instead of UTC (a proxy that dropped the Prefer header).
  'graph-zoned': (_q, a, type) =>
    type.includes('json')
      ? a.replace(
          /\{"dateTime":"([0-9T:.-]+)","timeZone":"UTC"\}/g,
          (_m, dt: string) => `{"dateTime":"${berlinWallTime(dt)}","timeZone":"W. Europe Standard Time"}`,
        )
      : a,
};

export interface HostileServer {
  /** The EWS URL that answers with one case. */
  ewsUrl(c: HostileCase | TamperCase): string;
  /** The base URL (no path) of a tamper case, for a Graph profile's --graph-host. */
  baseUrl(c: TamperCase): string;
  /** https://127.0.0.1:PORT/EWS/Exchange.asmx on a port that accepts TCP and never answers. */
  silentTcpUrl: string;
  /** Requests seen per case. */
  hits: Record<string, number>;
  /** Answers a tamper case actually changed, per case (a test can tell its case was exercised). */
  tampered: Record<string, number>;
  close(): Promise<void>;
}

/** Sends the request on to the upstream and answers with the tampered answer (whole, uncompressed). */
function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  upstream: Upstream,
  rest: string,
  c: TamperCase,
  tampered: Record<string, number>,
): void {
  const chunks: Buffer[] = [];
  req.on('data', (d: Buffer) => chunks.push(d));
  req.on('end', () => {
    // A client that reaches the upstream only through this case names it by this case's URL (a token scope, a
    // redirect): such names are turned back into the upstream's, plain and form-encoded, as a proxy's would be.
    const self = `https://${req.headers.host}/${c}`;
    const upstreamBase = upstream.url.replace(/\/+$/, '');
    const body = Buffer.from(
      Buffer.concat(chunks)
        .toString('utf8')
        .split(self)
        .join(upstreamBase)
        .split(encodeURIComponent(self))
        .join(encodeURIComponent(upstreamBase)),
    );
    const target = new URL(rest, upstream.url);
    const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host, 'content-length': String(body.length) };
    delete headers['accept-encoding'];
    const out = https.request(target, { method: req.method, headers, ca: upstream.ca }, (up) => {
      const parts: Buffer[] = [];
      up.on('data', (d: Buffer) => parts.push(d));
      up.on('end', () => {
        const type = String(up.headers['content-type'] ?? '');
        // Links the upstream writes to itself (Graph's @odata.nextLink) lead back through this case.
        const answer = Buffer.concat(parts).toString('utf8').split(upstreamBase).join(self);
        const text = TAMPER[c](body.toString('utf8'), answer, type);
        if (text !== answer) tampered[c] = (tampered[c] ?? 0) + 1;
        const head = { ...up.headers };
        delete head['content-length'];
        delete head['transfer-encoding'];
        delete head['connection'];
        res.writeHead(up.statusCode ?? 502, { ...head, 'content-length': String(Buffer.byteLength(text)) }).end(text);
      });
    });
    out.on('error', () => res.destroy());
    out.end(body);
  });
}

interface Upstream {
  url: string;
  /** The upstream's CA (PEM). */
  ca: string;
}

/** The test root CA and the simulator's in one file, for a profile that talks to both (token: sim, data: here). */
export function combinedCa(simCaFile: string): string {
  return `${readFileSync(HOSTILE_CA_FILE, 'utf8')}\n${readFileSync(simCaFile, 'utf8')}`;
}

export async function startHostileServer(opts: { upstream?: Upstream } = {}): Promise<HostileServer> {
  const hits: Record<string, number> = {};
  const tampered: Record<string, number> = {};
  const server = https.createServer(
    { key: readFileSync(path.join(tlsDir, 'server.key')), cert: readFileSync(path.join(tlsDir, 'server.pem')) },
    (req, res) => {
      const [, name, rest] = /^\/([^/]+)(\/.*)?$/.exec(req.url ?? '') ?? [];
      hits[name] = (hits[name] ?? 0) + 1;
      res.on('error', () => undefined);
      if (opts.upstream && name in TAMPER) return forward(req, res, opts.upstream, rest ?? '/', name as TamperCase, tampered);
      const handler = HOSTILE_CASES[name as HostileCase];
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
    baseUrl: (c) => `https://127.0.0.1:${port}/${c}`,
    silentTcpUrl: `https://127.0.0.1:${silentPort}/EWS/Exchange.asmx`,
    hits,
    tampered,
    close: async () => {
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => silent.close(r))]);
    },
  };
}

/** The cases every command meets (the encodings and the silent TCP port are the HTTP client's own tests). */
export const HOSTILE_CASES_FOR_COMMANDS = [
  'gzip-bomb',
  'oversized',
  'endless',
  'deep-xml',
  'xxe',
  'entity-expansion',
  'html-login',
  'silence',
  'cut',
  'escape-codes',
  'short-getitem',
] as const satisfies ReadonlyArray<HostileCase | TamperCase>;
