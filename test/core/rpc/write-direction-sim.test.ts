// The write-direction RPC methods over the simulator with the hosts' real wiring (createCoreServices: the writer
// factory and <config>/state): an import planned, run and planned again; presence and free/busy of a mailbox.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreServices, type BuiltCoreServices } from '../../../src/core/rpc/core-services.js';
import { createDispatcher, type Dispatcher } from '../../../src/core/rpc/dispatcher.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { callOk } from './typed-rpc.js';
import { absences, ownedInWorld, writableMailboxes, writeCsv } from '../import/import-sim.js';
import type { RpcInput } from '../../../src/shared/rpc.js';

let sim: RunningSimulator;
let dir: string;
let built: BuiltCoreServices;
let d: Dispatcher;
let profileId = '';

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7 });
  dir = await mkdtemp(join(tmpdir(), 'calpump-rpc-write-'));
  built = await createCoreServices({
    configDir: dir,
    secrets: new MemorySecretStore(),
    version: '1',
    features: { startAtLogin: false, notifications: false, openExternal: false },
    schedule: false,
    env: {},
  });
  d = createDispatcher(built.services, { events: built.events });
  const profile: RpcInput<'profiles.create'>['profile'] = {
    kind: 'ews',
    name: 'Sim',
    url: sim.ewsUrl,
    auth: 'basic',
    username: 'svc-calpump@contoso.com',
    tls: sim.caFile ? { caFile: sim.caFile } : {},
    proxy: { mode: 'none' },
  };
  profileId = (await callOk(d, 'profiles.create', { profile, secrets: { password: 'Passw0rd!' } })).profile.id;
});
afterAll(async () => {
  built?.stop();
  await d?.close();
  await sim?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('write-direction RPC over the simulator', () => {
  it('import: the dry run writes nothing, the run writes what it planned, a second plan finds nothing to do', async () => {
    const mailboxes = writableMailboxes(sim, 2);
    const csv = await writeCsv(dir, absences(4, mailboxes));
    const job = { id: 'ui-sim', source: { path: csv } };
    const plan = await callOk(d, 'import.plan', { profileId, job });
    expect(plan.totals).toMatchObject({ creates: 4, failed: 0 });
    expect(ownedInWorld(sim, 'ui-sim').size).toBe(0);
    const run = await callOk(d, 'import.run', { profileId, job });
    expect(run.totals).toMatchObject({ creates: 4, failed: 0 });
    const owned = ownedInWorld(sim, 'ui-sim');
    expect([...owned.values()].flat().sort()).toEqual(['A0001', 'A0002', 'A0003', 'A0004']);
    expect((await callOk(d, 'import.plan', { profileId, job })).totals).toMatchObject({ creates: 0, updates: 0, deletes: 0, unchanged: 4 });
    expect(await readdir(join(dir, 'state'))).not.toHaveLength(0);
  });

  it('presence and free/busy answer per mailbox', async () => {
    const presence = await callOk(d, 'presence.status', { profileId, mailboxes: ['anna.schmidt@contoso.com'] });
    expect(presence.mailboxes).toHaveLength(1);
    expect(presence.mailboxes[0]).toMatchObject({ mailbox: 'anna.schmidt@contoso.com', ok: true });
    expect(typeof presence.mailboxes[0].current?.status).toBe('string');
    const from = new Date();
    const to = new Date(from.getTime() + 7 * 86_400_000);
    const fb = await callOk(d, 'freebusy.blocks', {
      profileId,
      mailboxes: ['anna.schmidt@contoso.com'],
      from: from.toISOString(),
      to: to.toISOString(),
    });
    expect(fb.mailboxes[0]).toMatchObject({ mailbox: 'anna.schmidt@contoso.com', ok: true });
    for (const b of fb.mailboxes[0].blocks) expect(b.showAs).not.toBe('free');
  });
});
