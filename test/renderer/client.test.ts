import { describe, expect, it } from 'vitest';
import { pickClient } from '../../src/renderer/client.js';
import { createRpcClient } from '../../src/shared/rpc.js';

class FakeSocket {
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(d: string) {
    this.sent.push(d);
  }
  close() {
    this.readyState = 3;
  }
}

describe('pickClient', () => {
  it('uses the Electron preload client when window.calpump is one', async () => {
    const calls: string[] = [];
    const preload = createRpcClient({
      call: async (method) => {
        calls.push(method);
        return { ok: true, output: { profiles: [] } };
      },
      subscribe: () => () => undefined,
    });
    const picked = pickClient(
      { calpump: preload },
      {
        createSocket: () => {
          throw new Error('must not open a socket');
        },
      },
    );
    expect(picked.transport).toBe('electron');
    expect(picked.client).toBe(preload);
    await picked.client['profiles.list']();
    expect(calls).toEqual(['profiles.list']);
  });

  it('falls back to the WebSocket transport and speaks the wire protocol over it', async () => {
    FakeSocket.made = [];
    const picked = pickClient({ calpump: { not: 'a client' } }, { url: 'ws://127.0.0.1:1/rpc', createSocket: (u) => new FakeSocket(u) });
    expect(picked.transport).toBe('websocket');
    const sock = FakeSocket.made[0];
    expect(sock.url).toBe('ws://127.0.0.1:1/rpc');
    const pending = picked.client['app.version']();
    sock.readyState = 1;
    sock.onopen?.({});
    const frame = JSON.parse(sock.sent[0]) as { id: number; method: string };
    expect(frame.method).toBe('app.version');
    sock.onmessage?.({
      data: JSON.stringify({
        t: 'result',
        id: frame.id,
        ok: true,
        output: { version: '1.2.3', features: { startAtLogin: false, notifications: false, openExternal: false } },
      }),
    });
    await expect(pending).resolves.toMatchObject({ version: '1.2.3' });
  });

  it('uses the WebSocket when there is no preload at all', () => {
    const picked = pickClient({}, { url: 'ws://127.0.0.1:1/rpc', createSocket: (u) => new FakeSocket(u) });
    expect(picked.transport).toBe('websocket');
  });
});
