import { describe, expect, it } from 'vitest';
import { exposeCalpump, type IpcRendererLike } from '../../src/preload/expose.js';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, rpcMethods, type RpcClient } from '../../src/shared/rpc.js';

function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(e: unknown, ...a: unknown[]) => void>>();
  const ipc: IpcRendererLike = {
    invoke: async (...args) => {
      invoked.push(args);
      return args[1] === 'profiles.get'
        ? { ok: false, error: { id: 'config.profileNotFound', params: { name: 'x' } } }
        : { ok: true, output: { profiles: [] } };
    },
    on: (ch, l) => listeners.set(ch, new Set([...(listeners.get(ch) ?? []), l])),
    removeListener: (ch, l) => listeners.get(ch)?.delete(l),
  };
  return { ipc, invoked, emit: (name: string, payload: unknown) => listeners.get(IPC_EVENT_CHANNEL)?.forEach((l) => l({}, name, payload)) };
}

describe('preload', () => {
  it('exposes exactly one typed client as window.calpump, with every contract method', async () => {
    const exposed: Record<string, unknown> = {};
    const f = fakeIpc();
    exposeCalpump({ exposeInMainWorld: (k, v) => (exposed[k] = v) }, f.ipc);
    expect(Object.keys(exposed)).toEqual(['calpump']);
    const client = exposed.calpump as RpcClient;
    for (const m of rpcMethods) expect(typeof (client as unknown as Record<string, unknown>)[m]).toBe('function');
    expect(Object.values(client as object).every((v) => typeof v === 'function')).toBe(true);
    await expect(client['profiles.list']()).resolves.toEqual({ profiles: [] });
    expect(f.invoked[0]).toEqual([IPC_CALL_CHANNEL, 'profiles.list', {}]);
    await expect(client['profiles.get']({ id: 'x' })).rejects.toMatchObject({ info: { id: 'config.profileNotFound' } });
    const seen: unknown[] = [];
    client.on('job.progress', (p) => seen.push(p.percent));
    f.emit('job.progress', { percent: 42 });
    expect(seen).toEqual([42]);
  });
});
