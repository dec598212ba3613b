import { describe, expect, it } from 'vitest';
import { createRpcClient, errorInfoOf, RpcError, rpcMethods, type RpcResult, type RpcTransport } from '../../../src/shared/rpc.js';

function fakeTransport(answer: (method: string, input: unknown) => Promise<RpcResult>) {
  const calls: Array<{ method: string; input: unknown }> = [];
  let listener: ((name: string, payload: unknown) => void) | undefined;
  const transport: RpcTransport = {
    call(method, input) {
      calls.push({ method, input });
      return answer(method, input);
    },
    subscribe(l) {
      listener = l;
      return () => (listener = undefined);
    },
  };
  return { transport, calls, emit: (name: string, payload: unknown) => listener?.(name, payload) };
}

describe('createRpcClient', () => {
  it('has one function per contract method, sending the method name and input', async () => {
    const t = fakeTransport(async () => ({ ok: true, output: { profiles: [] } }));
    const client = createRpcClient(t.transport);
    for (const m of rpcMethods) expect(typeof (client as unknown as Record<string, unknown>)[m]).toBe('function');
    await expect(client['profiles.list']()).resolves.toEqual({ profiles: [] });
    expect(t.calls).toEqual([{ method: 'profiles.list', input: {} }]);
  });

  it('throws an RpcError carrying the ErrorInfo, readable again after only its message survives', async () => {
    const info = { id: 'ews.auth.unauthorized', params: { username: 'svc@contoso.com' }, evidence: 'HTTP 401' };
    const client = createRpcClient(fakeTransport(async () => ({ ok: false, error: info })).transport);
    const err = await client['profiles.get']({ id: 'p1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect(errorInfoOf(err)).toEqual(info);
    // contextBridge copies only the message of a thrown error
    expect(errorInfoOf(new Error(`Error invoking: ${(err as Error).message}`))).toEqual(info);
    expect(errorInfoOf(new Error('plain')).id).toBe('internal.unexpected');
  });

  it('turns a transport failure into rpc.disconnected', async () => {
    const client = createRpcClient(fakeTransport(async () => Promise.reject(new Error('socket closed'))).transport);
    const err = await client['jobs.list']().catch((e: unknown) => e);
    expect(errorInfoOf(err)).toMatchObject({ id: 'rpc.disconnected', evidence: 'socket closed' });
  });

  it('cancels a long call: injects an opId, sends app.cancel on abort and rejects with rpc.cancelled', async () => {
    let release: ((r: RpcResult) => void) | undefined;
    const t = fakeTransport((method) =>
      method === 'app.cancel' ? Promise.resolve({ ok: true, output: { cancelled: true } }) : new Promise((r) => (release = r)),
    );
    const client = createRpcClient(t.transport);
    const ac = new AbortController();
    const p = client['mailboxes.list']({ profileId: 'p1' }, { signal: ac.signal });
    ac.abort();
    expect(errorInfoOf(await p.catch((e: unknown) => e)).id).toBe('rpc.cancelled');
    const opId = (t.calls[0].input as { opId: string }).opId;
    expect(opId).toMatch(/^op-/);
    expect(t.calls[1]).toEqual({ method: 'app.cancel', input: { opId } });
    release?.({ ok: true, output: { items: [] } });
  });

  it('delivers events to the listeners of that name until unsubscribed', () => {
    const t = fakeTransport(async () => ({ ok: true, output: {} }));
    const client = createRpcClient(t.transport);
    const seen: unknown[] = [];
    const off = client.on('job.progress', (p) => seen.push(p.percent));
    t.emit('job.progress', { percent: 50 });
    t.emit('job.status', { status: 'ok' });
    off();
    t.emit('job.progress', { percent: 100 });
    expect(seen).toEqual([50]);
  });
});
