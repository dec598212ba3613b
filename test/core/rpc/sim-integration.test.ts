// The UI's whole backend against the simulator with the real EWS connector, every answer checked against the
// contract: wrong password → catalogue error on the failing step; right one → all steps pass; mailboxes,
// folder tree, preview; a job run to 100 % with history and files on disk.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../src/core/rpc/dispatcher.js';
import type { RunningSimulator } from '../../../src/sim/index.js';
import { expectedContacts, expectedTasks } from '../../../src/sim/world/expected-items.js';
import { useCoreSim } from './core-sim.js';
import { callOk, payloadsOf } from './typed-rpc.js';
import { rendered } from '../../support/rendered.js';
import type { RpcInput } from '../../../src/shared/rpc.js';

const h = useCoreSim({ seed: 7 }, 'calpump-rpc-sim-');
let sim: RunningSimulator;
let dir: string;
let d: Dispatcher;
const seen = h.seen;
beforeAll(() => void ({ sim, dir, d } = h));

const profileInput = (): RpcInput<'profiles.create'>['profile'] => ({
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
    const view = await callOk(d, 'profiles.create', { profile: profileInput(), secrets: { password: 'wrong-password' } });
    profileId = view.profile.id;
    const bad = await callOk(d, 'profiles.test', { id: profileId });
    expect(bad.ok).toBe(false);
    const failed = bad.steps.find((s) => s.status === 'fail')!;
    expect(failed.error?.id).toBe('ews.auth.unauthorized');
    expect(rendered(failed.error).fix.length).toBeGreaterThan(10);
    await callOk(d, 'profiles.update', { profile: view.profile, secrets: { password: 'Passw0rd!' } });
    const good = await callOk(d, 'profiles.test', { id: profileId });
    expect(good.steps.filter((s: { status: string }) => s.status === 'fail')).toEqual([]);
    expect(good.ok).toBe(true);
  });

  it('browses mailboxes, the folder tree of a German mailbox, and previews events', async () => {
    const page = await callOk(d, 'mailboxes.list', { profileId, search: 'anna' });
    expect(page.items.map((m: { smtp: string }) => m.smtp)).toContain('anna.schmidt@contoso.com');
    const { folders } = await callOk(d, 'folders.tree', { profileId, mailbox: 'anna.schmidt@contoso.com' });
    expect(folders.some((f: { name: string }) => f.name === 'Kalender')).toBe(true);
    const preview = await callOk(d, 'items.preview', {
      profileId,
      mailbox: 'anna.schmidt@contoso.com',
      folderId: 'calendar',
      days: 30,
      limit: 5,
    });
    expect(preview.events.length).toBeGreaterThan(0);
    expect(preview.events.length).toBeLessThanOrEqual(5);
  });

  it('previews occurrences with their series pattern, read from the masters, and marks the changed ones', async () => {
    const preview = await callOk(d, 'items.preview', {
      profileId,
      mailbox: 'anna.schmidt@contoso.com',
      folderId: 'calendar',
      days: 30,
      limit: 200,
    });
    const series = preview.events.filter((e) => e.seriesId);
    expect(series.length).toBeGreaterThan(0);
    expect(series.filter((e) => !e.recurrence)).toEqual([]);
    expect(preview.events.filter((e) => !e.seriesId && e.recurrence)).toEqual([]);
    // The seeded team meeting (Monday and Wednesday, 104 times) and the daily stand-up (until a date).
    const kinds = series.map((e) => e.recurrence!);
    expect(kinds).toContainEqual(
      expect.objectContaining({ type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], range: 'numbered', count: 104 }),
    );
    expect(kinds).toContainEqual(expect.objectContaining({ type: 'daily', interval: 1, range: 'endDate' }));
    // Exceptions are told apart from plain occurrences (both carry an original start).
    expect(series.some((e) => e.isException)).toBe(true);
    expect(series.some((e) => !e.isException && e.originalStart)).toBe(true);
  });

  it('lists contacts and tasks folders when asked, and reads their items as an export does', async () => {
    const mailbox = 'anna.schmidt@contoso.com';
    const { folders } = await callOk(d, 'folders.tree', { profileId, mailbox, kinds: ['calendar', 'contacts', 'tasks'] });
    const contactsFolder = folders.find((f) => f.distinguishedId === 'contacts')!;
    expect(contactsFolder.kind).toBe('contacts');
    expect(folders.some((f) => f.kind === 'tasks')).toBe(true);
    const contacts = await callOk(d, 'items.read', { profileId, mailbox, folderId: contactsFolder.id, content: 'contacts' });
    expect(contacts.items).toEqual(expectedContacts(sim.world, mailbox));
    expect(contacts.truncated).toBe(false);
    const tasks = await callOk(d, 'items.read', { profileId, mailbox, folderId: 'tasks', content: 'tasks', limit: 1 });
    expect(tasks.items.map((t) => t.kind)).toEqual(['task']);
    expect(tasks.truncated).toBe(expectedTasks(sim.world, mailbox).length > 1);
  });

  it('runs a job to 100 % with history and files on disk', async () => {
    const outDir = join(dir, 'export');
    const view = await callOk(d, 'jobs.create', {
      job: {
        name: 'Sim job',
        profile: profileId,
        mailboxes: { mode: 'list', list: ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'] },
        target: { kind: 'folder', path: outDir },
      },
    });
    const { runId } = await callOk(d, 'jobs.runNow', { id: view.job.id });
    for (
      let i = 0;
      i < 600 && !seen.some((e) => e.name === 'job.status' && e.payload.runId === runId && e.payload.status !== 'running');
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    const final = payloadsOf(seen, 'job.status').find((p) => p.runId === runId && p.status !== 'running');
    expect(final?.status).toBe('ok');
    expect(
      payloadsOf(seen, 'job.progress')
        .filter((p) => p.runId === runId)
        .at(-1)?.percent,
    ).toBe(100);
    expect((await callOk(d, 'jobs.history', { id: view.job.id })).runs[0]).toMatchObject({ runId, status: 'ok', mailboxesOk: 2 });
    expect((await readdir(outDir)).filter((f) => f.endsWith('.ics'))).toHaveLength(2);
  });

  it('doctor and setup script work through the same calls', async () => {
    const doc = await callOk(d, 'doctor.run', { profileId });
    expect(doc.steps.length).toBeGreaterThan(2);
    const script = await callOk(d, 'setup.script', { profileId });
    expect(script.fileName).toMatch(/\.ps1$/);
  });

  it('auth: Microsoft 365 status through the token provider; an EWS password profile is told auth is not for it', async () => {
    const graph = await callOk(d, 'profiles.create', {
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
    });
    expect(await callOk(d, 'auth.status', { profileId: graph.profile.id })).toMatchObject({ signedIn: true });
    const ews = await d.call('auth.status', { profileId });
    expect(ews).toMatchObject({ ok: false, error: { id: 'input.invalid' } });
  });
});
