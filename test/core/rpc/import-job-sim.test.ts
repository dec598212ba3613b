// The UI job service runs a job of type 'import' with the profile's writer against the simulator: run now →
// the rows land in the mailboxes, progress reaches 100 %, the run is in the history.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreServices, type BuiltCoreServices } from '../../../src/core/rpc/core-services.js';
import { createDispatcher, type Dispatcher } from '../../../src/core/rpc/dispatcher.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import type { RpcResult } from '../../../src/shared/rpc.js';
import { absences, ownedInWorld, tempDir, writableMailboxes, writeCsv } from '../import/import-sim.js';

let sim: RunningSimulator;
let dir: string;
let built: BuiltCoreServices;
let d: Dispatcher;
const seen: Array<{ name: string; payload: any }> = [];

function out<T = any>(r: RpcResult): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.output as T;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, mailboxes: 12, eventsPerMailbox: 1 });
  dir = await mkdtemp(join(tmpdir(), 'calpump-rpc-import-'));
  built = await createCoreServices({ configDir: dir, secrets: new MemorySecretStore(), version: '1', features: { startAtLogin: false, notifications: false, openExternal: false }, schedule: false, env: {} });
  d = createDispatcher(built.services, { events: built.events });
  built.events.subscribe((name, payload) => seen.push({ name, payload }));
});
afterAll(async () => {
  built?.stop();
  await d?.close();
  await sim?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('condition not reached');
}

describe('PumpJobService: import job type', () => {
  it('runs an import job now with the profile writer and records it', async () => {
    const profile = out(await d.call('profiles.create', {
      profile: { kind: 'ews', name: 'Sim', url: sim.ewsUrl, auth: 'basic', username: 'svc-calpump@contoso.com', tls: sim.caFile ? { caFile: sim.caFile } : {}, proxy: { mode: 'none' } },
      secrets: { password: 'Passw0rd!' },
    })).profile;
    const mailboxes = writableMailboxes(sim, 2);
    const rows = absences(4, mailboxes);
    const file = await writeCsv(await tempDir(), rows);
    const view = out(await d.call('jobs.create', {
      job: { type: 'import', name: 'Absences', profile: profile.id, import: { id: 'absences-ui', source: { path: file } }, mailboxes: { mode: 'list', list: mailboxes }, target: { kind: 'folder', path: join(dir, 'unused') } },
    }));
    expect(view.job).toMatchObject({ type: 'import', import: { id: 'absences-ui' } });
    const { runId } = out(await d.call('jobs.runNow', { id: view.job.id }));
    await until(() => seen.some((e) => e.name === 'job.status' && e.payload.runId === runId && e.payload.status !== 'running'));
    expect(seen.find((e) => e.name === 'job.status' && e.payload.runId === runId && e.payload.status !== 'running')!.payload.status).toBe('ok');
    expect(seen.filter((e) => e.name === 'job.progress' && e.payload.runId === runId).at(-1)!.payload.percent).toBe(100);
    const { runs } = out(await d.call('jobs.history', { id: view.job.id }));
    expect(runs[0]).toMatchObject({ runId, status: 'ok', mailboxesOk: 2, itemsWritten: 4 });
    expect([...ownedInWorld(sim, 'absences-ui').values()].flat().sort()).toEqual(rows.map((r) => r.id).sort());
  });
});
