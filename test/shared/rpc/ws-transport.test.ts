import { describe, expect, it } from 'vitest';
import { createWsTransport } from '../../../src/shared/rpc.js';

class FakeSocket {
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(d: string) {
    this.sent.push(d);
  }
  close() {
    this.readyState = 3;
    this.onclose?.({});
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  answer(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

describe('WebSocket transport', () => {
  it('queues calls until open, matches answers by id, delivers events, and reconnects after a drop', async () => {
    const sockets: FakeSocket[] = [];
    const states: boolean[] = [];
    const t = createWsTransport({
      url: 'ws://127.0.0.1:1/rpc',
      reconnectMs: 0,
      createSocket: (u) => (sockets.push(new FakeSocket(u)), sockets.at(-1)!),
      onConnectionChange: (c) => states.push(c),
    });
    const events: unknown[] = [];
    t.subscribe((name, payload) => events.push([name, payload]));

    const first = t.call('profiles.list', {});
    expect(sockets[0].sent).toEqual([]);
    sockets[0].open();
    const frame: unknown = JSON.parse(sockets[0].sent[0]);
    expect(frame).toEqual({ t: 'call', id: 1, method: 'profiles.list', input: {} });
    sockets[0].answer({ t: 'event', name: 'job.progress', payload: { percent: 5 } });
    sockets[0].answer({ t: 'result', id: 1, ok: true, output: { profiles: [] } });
    await expect(first).resolves.toEqual({ ok: true, output: { profiles: [] } });
    expect(events).toEqual([['job.progress', { percent: 5 }]]);

    const lost = t.call('jobs.list', {});
    sockets[0].close();
    await expect(lost).resolves.toMatchObject({ ok: false, error: { id: 'rpc.disconnected' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    expect(states).toEqual([true, false, true]);
    t.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(sockets).toHaveLength(2); // closed on purpose: no reconnect
  });

  it('with openWhen, opens no socket until it settles; calls made meanwhile go out once it is open', async () => {
    const sockets: FakeSocket[] = [];
    let go!: () => void;
    const openWhen = new Promise<void>((r) => (go = r));
    const t = createWsTransport({
      url: 'ws://127.0.0.1:1/rpc',
      openWhen,
      createSocket: (u) => (sockets.push(new FakeSocket(u)), sockets.at(-1)!),
    });
    const answer = t.call('jobs.list', {});
    await Promise.resolve();
    expect(sockets).toHaveLength(0);
    go();
    await openWhen;
    await Promise.resolve();
    expect(sockets).toHaveLength(1);
    sockets[0].open();
    const sent = JSON.parse(sockets[0].sent[0]) as { id: number; method: string };
    expect(sent.method).toBe('jobs.list');
    sockets[0].answer({ t: 'result', id: sent.id, ok: true, output: { jobs: [] } });
    expect(await answer).toEqual({ ok: true, output: { jobs: [] } });
  });

  it('with openWhen that fails, still opens; closed before it settles, never opens', async () => {
    const sockets: FakeSocket[] = [];
    const make = (u: string) => (sockets.push(new FakeSocket(u)), sockets.at(-1)!);
    const failed = Promise.reject(new Error('no first screen'));
    createWsTransport({ url: 'ws://127.0.0.1:1/rpc', openWhen: failed, createSocket: make });
    await failed.catch(() => undefined);
    await Promise.resolve();
    expect(sockets).toHaveLength(1);
    let go!: () => void;
    const later = new Promise<void>((r) => (go = r));
    const t = createWsTransport({ url: 'ws://127.0.0.1:1/rpc', openWhen: later, createSocket: make });
    t.close();
    go();
    await later;
    await Promise.resolve();
    expect(sockets).toHaveLength(1);
  });
});
