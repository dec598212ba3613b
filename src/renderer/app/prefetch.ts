// Calls the first screen needs, started at boot while the language's texts load, so the home screen's data is on
// its way before React renders. Each answer is taken once; later loads call the host as usual. An answer that has
// arrived by the time a screen mounts is handed over synchronously (takeReady), so the screen's first render shows
// the data instead of a spinner followed by a second render.
import type { RpcClient, RpcMethod, RpcOutput } from '../../shared/rpc.js';

type BootMethod = 'jobs.list' | 'app.state' | 'profiles.list';
const early = new Map<RpcMethod, Promise<unknown>>();
const ready = new Map<RpcMethod, unknown>();

export function prefetch(client: RpcClient, methods: readonly BootMethod[]): void {
  for (const m of methods) {
    const p = client[m]();
    p.then(
      (v) => {
        if (early.get(m) === p) ready.set(m, v);
      },
      () => undefined,
    );
    early.set(m, p);
  }
}

/** The boot call's answer if one is waiting (once), else a fresh call. */
export function firstCall<M extends BootMethod>(client: RpcClient, method: M): Promise<RpcOutput<M>> {
  const p = early.get(method) as Promise<RpcOutput<M>> | undefined;
  early.delete(method);
  ready.delete(method);
  return p ?? (client[method]() as Promise<RpcOutput<M>>);
}

/** The boot answers of all `methods` if every one has arrived (each taken once), else nothing is taken. */
export function takeReady<const M extends readonly BootMethod[]>(methods: M): { [K in keyof M]: RpcOutput<M[K]> } | undefined {
  if (!methods.every((m) => ready.has(m))) return undefined;
  const out = methods.map((m) => {
    const v = ready.get(m);
    ready.delete(m);
    early.delete(m);
    return v;
  });
  return out as { [K in keyof M]: RpcOutput<M[K]> };
}
