// Reading a proxy's answer to CONNECT off the raw socket: status line, headers, and the body of a refusal (a
// 407's HTML page) read to its end, so that the next CONNECT of a sign-in can go over the same connection —
// NTLM signs in a connection, not a request. Bounded: 16 KB of head, 64 KB of body.
import type * as net from 'node:net';
import { omit } from '../../shared/omit.js';

const MAX_HEAD = 16_384;
const MAX_BODY = 65_536;

export interface ProxyAnswer {
  status: number;
  /** "407 Proxy Authentication Required" (status line without the version). */
  statusText: string;
  statusLine: string;
  /** Header values by lower-case name; repeated headers (Proxy-Authenticate) keep every value. */
  headers: Map<string, string[]>;
  /** Whether the proxy keeps this connection open for another request. */
  keepOpen: boolean;
}

function parseHead(text: string): Omit<ProxyAnswer, 'keepOpen'> & { version: string } {
  const lines = text.split('\r\n');
  const statusLine = lines[0] ?? '';
  const m = /^HTTP\/(\d(?:\.\d)?)\s+(\d{3})\s*(.*)$/.exec(statusLine);
  const headers = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(i + 1).trim()]);
  }
  return {
    version: m?.[1] ?? '',
    status: Number(m?.[2] ?? 0),
    statusText: m ? `${m[2]} ${m[3]}`.trim() : '',
    statusLine,
    headers,
  };
}

const one = (h: Map<string, string[]>, name: string) => (h.get(name) ?? []).join(', ').toLowerCase();

/** How many body bytes follow a non-2xx head, or 'chunked', or 'close' (read until the proxy closes). */
function bodyLength(headers: Map<string, string[]>, status: number): number | 'chunked' | 'close' {
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) return 0;
  if (one(headers, 'transfer-encoding').includes('chunked')) return 'chunked';
  const length = one(headers, 'content-length');
  return length ? Number(length.split(',')[0]) : 'close';
}

/** Where a chunked body ends in `buf`, or -1 while incomplete. */
function chunkedEnd(buf: Buffer): number {
  let at = 0;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at);
    if (lineEnd < 0) return -1;
    const size = parseInt(buf.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return buf.length; // not chunked after all: treat what came as the body
    if (size === 0) {
      const end = buf.indexOf('\r\n\r\n', lineEnd);
      return end < 0 ? -1 : end + 4;
    }
    at = lineEnd + 2 + size + 2;
    if (at > buf.length) return -1;
  }
}

/**
 * The proxy's answer to the request just written. A 2xx answer leaves whatever follows its head (the first bytes
 * of the tunnel) unread on the socket; any other answer's body is consumed. Rejects on a socket error, or with
 * `closed` when the proxy hung up before a complete head.
 */
export function readProxyAnswer(socket: net.Socket, closed: () => Error): Promise<ProxyAnswer> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || socket.readableEnded) {
      reject(closed());
      return;
    }
    let buf = Buffer.alloc(0);
    let head: (ReturnType<typeof parseHead> & { bodyStart: number; length: number | 'chunked' | 'close' }) | undefined;
    const done = (keepOpen: boolean) => {
      cleanup();
      // Between a refusal and the next leg nothing may be read and dropped; a tunnel (2xx) goes on flowing.
      if (head!.status < 200 || head!.status >= 300) socket.pause();
      const { version, ...rest } = omit(head!, 'bodyStart', 'length');
      const connection = one(rest.headers, 'connection') || one(rest.headers, 'proxy-connection');
      const persistent = version === '1.0' ? connection.includes('keep-alive') : !connection.includes('close');
      resolve({ ...rest, keepOpen: keepOpen && persistent && version !== '' });
    };
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (!head) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) {
          if (buf.length > MAX_HEAD) fail(closed());
          return;
        }
        const parsed = parseHead(buf.subarray(0, end).toString('latin1'));
        head = {
          ...parsed,
          bodyStart: end + 4,
          length: parsed.status >= 200 && parsed.status < 300 ? 0 : bodyLength(parsed.headers, parsed.status),
        };
      }
      const body = buf.subarray(head.bodyStart);
      if (head.length === 'close') {
        if (body.length > MAX_BODY) done(false);
        return; // read until the proxy closes
      }
      const end = head.length === 'chunked' ? chunkedEnd(body) : body.length >= head.length ? head.length : -1;
      if (end < 0) {
        if (body.length > MAX_BODY) done(false);
        return;
      }
      const rest = body.subarray(end);
      if (rest.length) {
        // Kept in the socket's buffer (paused, so not emitted to no one): TLS on the tunnel reads it from there.
        socket.pause();
        socket.unshift(rest);
      }
      done(true);
    };
    const onEnd = () => (head ? done(false) : fail(closed()));
    const fail = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      socket.removeListener('data', onData);
      socket.removeListener('error', fail);
      socket.removeListener('end', onEnd);
      socket.removeListener('close', onEnd);
    };
    socket.on('data', onData);
    socket.once('error', fail);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    socket.resume();
  });
}
