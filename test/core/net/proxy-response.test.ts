// Reading a proxy's answer to CONNECT off a raw socket: a refusal's body is read to its end (length, chunked),
// so the next leg can use the connection; whether the proxy keeps it open; the first tunnel bytes after a 200
// stay on the socket; a proxy that hangs up early is the caller's error.
import * as net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readProxyAnswer } from '../../../src/core/net/proxy-response.js';

const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A socket to a server that writes `parts` one after another (split heads and bodies arrive in pieces). */
async function answering(parts: string[], end = false): Promise<net.Socket> {
  const server = net.createServer((s) => {
    void (async () => {
      for (const p of parts) {
        s.write(p);
        await new Promise((r) => setTimeout(r, 5));
      }
      if (end) s.end();
    })();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  return socket;
}

const closed = () => new Error('closed');

describe('readProxyAnswer', () => {
  it('a 407 with a length-delimited body: every challenge kept, the body consumed, the connection kept', async () => {
    const body = '<html>407</html>';
    const s = await answering([
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Negotiate\r\n',
      `Proxy-Authenticate: NTLM\r\nContent-Length: ${body.length}\r\n\r\n<html>`,
      '407</html>',
    ]);
    const a = await readProxyAnswer(s, closed);
    expect(a).toMatchObject({ status: 407, statusText: '407 Proxy Authentication Required', keepOpen: true });
    expect(a.headers.get('proxy-authenticate')).toEqual(['Negotiate', 'NTLM']);
    expect(s.readableLength).toBe(0);
    s.destroy();
  });

  it('a chunked body is read to its last chunk; Connection: close and HTTP/1.0 without keep-alive end the connection', async () => {
    const chunked = await answering(['HTTP/1.1 407 x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n', '0\r\n\r\n']);
    expect(await readProxyAnswer(chunked, closed)).toMatchObject({ status: 407, keepOpen: true });
    chunked.destroy();
    const close = await answering(['HTTP/1.1 407 x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n']);
    expect((await readProxyAnswer(close, closed)).keepOpen).toBe(false);
    close.destroy();
    const old = await answering(['HTTP/1.0 407 x\r\nContent-Length: 0\r\n\r\n']);
    expect((await readProxyAnswer(old, closed)).keepOpen).toBe(false);
    old.destroy();
    const oldKept = await answering(['HTTP/1.0 407 x\r\nProxy-Connection: keep-alive\r\nContent-Length: 0\r\n\r\n']);
    expect((await readProxyAnswer(oldKept, closed)).keepOpen).toBe(true);
    oldKept.destroy();
  });

  it('after a 200 the tunnel’s first bytes stay on the socket', async () => {
    const s = await answering(['HTTP/1.1 200 Connection Established\r\n\r\nfirst bytes']);
    expect((await readProxyAnswer(s, closed)).status).toBe(200);
    const rest = await new Promise<string>((r) => s.once('data', (b: Buffer) => r(b.toString())).resume());
    expect(rest).toBe('first bytes');
    s.destroy();
  });

  it('a proxy that hangs up before a complete answer gives the caller’s error', async () => {
    const s = await answering(['HTTP/1.1 407 Proxy Auth'], true);
    await expect(readProxyAnswer(s, closed)).rejects.toThrow('closed');
    s.destroy();
  });
});
