// The simulator and the real core services over a temp config folder, with a dispatcher in front — what the UI
// talks to — set up once per test file (beforeAll/afterAll registered by useCoreSim) and torn down after it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createCoreServices, type BuiltCoreServices, type CoreServicesOptions } from '../../../src/core/rpc/core-services.js';
import { createDispatcher, type Dispatcher } from '../../../src/core/rpc/dispatcher.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { startSimulator, type RunningSimulator, type SimOptions } from '../../../src/sim/index.js';
import { recordInto, type SeenEvent } from './typed-rpc.js';

export interface CoreSim {
  sim: RunningSimulator;
  dir: string;
  built: BuiltCoreServices;
  d: Dispatcher;
  /** Every event the core services published, in order. */
  seen: SeenEvent[];
}

export function useCoreSim(
  simOptions: SimOptions,
  dirPrefix: string,
  /** More core options, given the running simulator (e.g. autodiscover pointing at it). */
  coreOptions: (sim: RunningSimulator) => Partial<CoreServicesOptions> = () => ({}),
): CoreSim {
  const h = { seen: [] } as unknown as CoreSim;
  beforeAll(async () => {
    h.sim = await startSimulator({ port: 0, ...simOptions });
    h.dir = await mkdtemp(join(tmpdir(), dirPrefix));
    h.built = await createCoreServices({
      configDir: h.dir,
      secrets: new MemorySecretStore(),
      version: '1',
      features: { startAtLogin: false, notifications: false, openExternal: false },
      schedule: false,
      env: {},
      ...coreOptions(h.sim),
    });
    h.d = createDispatcher(h.built.services, { events: h.built.events });
    h.built.events.subscribe(recordInto(h.seen));
  });
  afterAll(async () => {
    h.built?.stop();
    await h.d?.close();
    await h.sim?.stop();
    if (h.dir) await rm(h.dir, { recursive: true, force: true });
  });
  return h;
}
