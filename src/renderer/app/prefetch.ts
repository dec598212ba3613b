// Calls the first screen needs, started at boot while the language's texts load, so the home screen's data is on
// its way before React renders. Each answer is taken once; later loads call the host as usual.
import type { RpcClient, RpcMethod, RpcOutput } from '../../shared/rpc.js';

type BootMethod = 'jobs.list' | 'app.state' | 'profiles.list';
const early = new Map<RpcMethod, Promise<unknown>>();

export function prefetch(client: RpcClient, methods: readonly BootMethod[]): void {
  for (const m of methods) {
    const p = client[m]();
    p.catch(() => undefined);
    early.set(m, p);
  }
}

/** The boot call's answer if one is waiting (once), else a fresh call. */
export function firstCall<M extends BootMethod>(client: RpcClient, method: M): Promise<RpcOutput<M>> {
  const p = early.get(method) as Promise<RpcOutput<M>> | undefined;
  early.delete(method);
  return p ?? (client[method]() as Promise<RpcOutput<M>>);
}
