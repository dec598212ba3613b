// Calls the first screen needs, started at boot while the language's texts load, so the home screen's data is on
// its way before React renders. Each answer is taken once; later loads call the host as usual. An answer that has
// arrived by the time a screen mounts is handed over synchronously (takeReady), so the screen's first render shows
// the data instead of a spinner followed by a second render. `calpump serve` also sends the answers with the page
// (seed, from shared/rpc/boot-data.ts): a screen renders from those at once, and takes the socket's answer to the
// same call when it arrives (pendingCall), so nothing that changed in between is missed.
import type { RpcClient, RpcOutput } from '../../shared/rpc.js';
import type { BootData, BootMethod } from '../../shared/rpc/boot-data.js';

const early = new Map<BootMethod, Promise<unknown>>();
const ready = new Map<BootMethod, unknown>();
/** Ready answers that came with the page, not (yet) from the socket. */
const fromPage = new Set<BootMethod>();

export function prefetch(client: RpcClient, methods: readonly BootMethod[]): void {
  for (const m of methods) {
    const p: Promise<unknown> = client[m]();
    p.then(
      (v) => {
        if (early.get(m) !== p) return;
        ready.set(m, v);
        fromPage.delete(m);
      },
      () => undefined,
    );
    early.set(m, p);
  }
}

/** Answers the page came with: ready for the first render (a socket answer that arrives first replaces them). */
export function seed(data: BootData): void {
  for (const [m, v] of Object.entries(data) as [BootMethod, unknown][]) {
    if (v === undefined || ready.has(m)) continue;
    ready.set(m, v);
    fromPage.add(m);
  }
}

/** The boot call's answer if one is waiting (once), else a fresh call. */
export function firstCall<M extends BootMethod>(client: RpcClient, method: M): Promise<RpcOutput<M>> {
  const p = early.get(method) as Promise<RpcOutput<M>> | undefined;
  early.delete(method);
  ready.delete(method);
  fromPage.delete(method);
  return p ?? (client[method]() as Promise<RpcOutput<M>>);
}

/** Whether the socket's answer to a boot call is still to be taken (firstCall): a screen seeded from the page takes it. */
export function pendingCall(method: BootMethod): boolean {
  return early.has(method);
}

/** The boot answers of all `methods` if every one is here (each taken once), else nothing is taken. */
export function takeReady<const M extends readonly BootMethod[]>(methods: M): { [K in keyof M]: RpcOutput<M[K]> } | undefined {
  if (!methods.every((m) => ready.has(m))) return undefined;
  const out = methods.map((m) => {
    const v = ready.get(m);
    ready.delete(m);
    // A socket answer still on its way is newer than the page's: the screen takes it next (pendingCall).
    if (!fromPage.delete(m)) early.delete(m);
    return v;
  });
  return out as { [K in keyof M]: RpcOutput<M[K]> };
}
