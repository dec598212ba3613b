// The UI's whole backend against the simulator with the real EWS connector, every answer checked against the
// contract: wrong password → catalogue error on the failing step; right one → all steps pass; mailboxes,
// folder tree, preview; a job run to 100 % with history and files on disk.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuiltCoreServices } from '../../../src/core/rpc/core-services.js';
import type { Dispatcher } from '../../../src/core/rpc/dispatcher.js';
import type { RunningSimulator } from '../../../src/sim/index.js';
import { out, useCoreSim } from './core-sim.js';
import { rendered } from '../../support/rendered.js';

const h = useCoreSim({ seed: 7 }, 'calpump-rpc-sim-');
let sim: RunningSimulator;
let dir: string;
let built: BuiltCoreServices;
let d: Dispatcher;
const seen = h.seen;
beforeAll(() => void ({ sim, dir, built, d } = h));

const profileInput = () => ({
  kind: 'ews',
  name: 'Sim',
  url: sim.ewsUrl,
  auth: 'basic',
  username: 'svc-calpump@contoso.com',
  testMailbox: 'anna.schmidt@contoso.com',
  tls: sim.caFile ? { caFile: sim.caFile } : {},
  proxy: { mode: 'none' },
});

describe('RPC over the simulator', () => {
  let profileId = '';

  it('a wrong password fails a step with the catalogue entry; the right one passes', async () => {
    const view = out(await d.call('profiles.create', { profile: profileInput(), secrets: { password: 'wrong-password' } }));
    profileId = view.profile.id;
    const bad = out(await d.call('profiles.test', { id: profileId }));
    expect(bad.ok).toBe(false);
    const failed = bad.steps.find((s: { status: string }) => s.status === 'fail');
    expect(failed.error.id).toBe('ews.auth.unauthorized');
    expect(rendered(failed.error).fix.length).toBeGreaterThan(10);
    out(await d.call('profiles.update', { profile: view.profile, secrets: { password: 'Passw0rd!' } }));
    const good = out(await d.call('profiles.test', { id: profileId }));
    expect(good.steps.filter((s: { status: string }) => s.status === 'fail')).toEqual([]);
    expect(good.ok).toBe(true);
  });

  it('browses mailboxes, the folder tree of a German mailbox, and previews events', async () => {
    const page = out(await d.call('mailboxes.list', { profileId, search: 'anna' }));
    expect(page.items.map((m: { smtp: string }) => m.smtp)).toContain('anna.schmidt@contoso.com');
    const { folders } = out(await d.call('folders.tree', { profileId, mailbox: 'anna.schmidt@contoso.com' }));
    expect(folders.some((f: { name: string }) => f.name === 'Kalender')).toBe(true);
    const preview = out(
      await d.call('items.preview', { profileId, mailbox: 'anna.schmidt@contoso.com', folderId: 'calendar', days: 30, limit: 5 }),
    );
    expect(preview.events.length).toBeGreaterThan(0);
    expect(preview.events.length).toBeLessThanOrEqual(5);
  });

  it('runs a job to 100 % with history and files on disk', async () => {
    const outDir = join(dir, 'export');
    const view = out(
      await d.call('jobs.create', {
        job: {
          name: 'Sim job',
          profile: profileId,
          mailboxes: { mode: 'list', list: ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'] },
          target: { kind: 'folder', path: outDir },
        },
      }),
    );
    const { runId } = out(await d.call('jobs.runNow', { id: view.job.id }));
    for (
      let i = 0;
      i < 600 && !seen.some((e) => e.name === 'job.status' && e.payload.runId === runId && e.payload.status !== 'running');
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    const final = seen.find((e) => e.name === 'job.status' && e.payload.runId === runId && e.payload.status !== 'running');
    expect(final?.payload.status).toBe('ok');
    expect(seen.filter((e) => e.name === 'job.progress' && e.payload.runId === runId).at(-1)?.payload.percent).toBe(100);
    expect(out(await d.call('jobs.history', { id: view.job.id })).runs[0]).toMatchObject({ runId, status: 'ok', mailboxesOk: 2 });
    expect((await readdir(outDir)).filter((f) => f.endsWith('.ics'))).toHaveLength(2);
  });

  it('doctor and setup script work through the same calls', async () => {
    const doc = out(await d.call('doctor.run', { profileId }));
    expect(doc.steps.length).toBeGreaterThan(2);
    const script = out(await d.call('setup.script', { profileId }));
    expect(script.fileName).toMatch(/\.ps1$/);
  });

  it('auth: Microsoft 365 status through the token provider; an EWS password profile is told auth is not for it', async () => {
    const graph = out(
      await d.call('profiles.create', {
        profile: {
          kind: 'graph',
          name: 'M365',
          tenantId: 'contoso.onmicrosoft.com',
          clientId: '11111111-2222-3333-4444-555555555555',
          flow: 'clientCredentials',
          credential: 'secret',
          authorityHost: sim.url,
          graphHost: sim.url,
          tls: sim.caFile ? { caFile: sim.caFile } : {},
          proxy: { mode: 'none' },
        },
        secrets: { clientSecret: 'client-secret-value' },
      }),
    );
    expect(out(await d.call('auth.status', { profileId: graph.profile.id }))).toMatchObject({ signedIn: true });
    const ews = await d.call('auth.status', { profileId });
    expect(ews).toMatchObject({ ok: false, error: { id: 'input.invalid' } });
  });
});
