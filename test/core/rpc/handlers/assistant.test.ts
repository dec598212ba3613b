// The first-run assistant's RPC against the simulator and the real core services: setup.discover finds the
// Exchange behind an address without credentials (the certificate facts first, then — pinned — the endpoint
// and its sign-in methods); a draft test streams its steps as test.step events; mailboxes.resolve checks a
// pasted list; profiles.remove refuses to orphan a job and moves it when asked.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCoreSim } from '../core-sim.js';
import { callOk, payloadsOf } from '../typed-rpc.js';
import { rendered } from '../../../support/rendered.js';
import type { RpcInput } from '../../../../src/shared/rpc.js';
import { objectContaining } from '../../../support/typed-expect.js';

const h = useCoreSim({ seed: 7 }, 'calpump-assistant-rpc-', (sim) => ({
  autodiscoverBase: (domain) => (domain === 'contoso.com' ? sim.url : undefined),
}));
const SVC = 'svc-calpump@contoso.com';

describe('setup.discover', () => {
  it('shows an untrusted certificate with its facts first, and finds Exchange once it is pinned', async () => {
    const first = await callOk(h.d, 'setup.discover', { email: SVC });
    expect(first.kind).toBe('none');
    expect(first.certificate).toMatchObject({ fingerprint: h.sim.certSha256 });
    expect(first.certificate?.subject).toContain('CN=');
    expect(first.certificate?.names).toContain('127.0.0.1');
    expect(first.error?.id).toMatch(/^net\.tls\./);

    const pinned = await callOk(h.d, 'setup.discover', { email: SVC, pinnedSha256: h.sim.certSha256 });
    expect(pinned).toMatchObject({ kind: 'ews', domain: 'contoso.com', endpoint: `${h.sim.url}/autodiscover/autodiscover.xml` });
    expect(pinned.authSchemes).toEqual(expect.arrayContaining(['ntlm', 'basic']));
    expect(pinned.certificate).toBeUndefined();
  });

  it('says what it tried when nothing answers for a domain', async () => {
    const r = await callOk(h.d, 'setup.discover', { email: 'someone@unknown.invalid' });
    expect(r.kind).toBe('none');
    expect(r.error?.id).toBe('ews.autodiscover.failed');
    expect(r.tried.join('\n')).toContain('https://unknown.invalid/autodiscover/autodiscover.xml');
  }, 60_000);

  it('refuses what is not an address', async () => {
    const r = await h.d.call('setup.discover', { email: 'not an address' });
    expect(r.ok).toBe(false);
  });
});

describe('a draft profile found by autodiscover', () => {
  const draft = (): RpcInput<'profiles.create'>['profile'] => ({
    kind: 'ews',
    name: 'contoso.com',
    autodiscoverEmail: SVC,
    auth: 'ntlm',
    username: SVC,
    tls: { pinnedSha256: h.sim.certSha256 },
    proxy: { mode: 'none' },
  });

  it('is tested step by step: every step is announced as test.step with the call’s opId before the answer', async () => {
    const opId = 'op-assistant-1';
    const before = h.seen.length;
    const r = await callOk(h.d, 'profiles.test', { draft: { profile: draft(), secrets: { password: 'Passw0rd!' } }, mailbox: SVC, opId });
    expect(r.ok).toBe(true);
    expect(r.details.ewsUrl).toBe(h.sim.ewsUrl);
    const steps = payloadsOf(h.seen.slice(before), 'test.step').filter((p) => p.opId === opId);
    expect(steps.map((p) => p.index)).toEqual(r.steps.map((_, i) => i));
    expect(steps.map((p) => p.step.id)).toEqual(r.steps.map((s) => s.id));
  });

  it('a wrong password streams the failed step with its catalogue entry', async () => {
    const opId = 'op-assistant-2';
    const before = h.seen.length;
    const r = await callOk(h.d, 'profiles.test', { draft: { profile: draft(), secrets: { password: 'wrong' } }, mailbox: SVC, opId });
    expect(r.ok).toBe(false);
    const failed = payloadsOf(h.seen.slice(before), 'test.step').find((p) => p.opId === opId && p.step.status === 'fail');
    expect(failed?.step.error?.id).toBeTruthy();
  });
});

describe('profiles in use, and pasted mailbox lists', () => {
  let profileId = '';
  let otherId = '';
  let jobId = '';
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calpump-assistant-out-'));
    const profile: RpcInput<'profiles.create'>['profile'] = {
      kind: 'ews',
      name: 'Main',
      url: h.sim.ewsUrl,
      auth: 'basic',
      username: SVC,
      tls: { caFile: h.sim.caFile },
      proxy: { mode: 'none' },
    };
    profileId = (await callOk(h.d, 'profiles.create', { profile: { ...profile, name: 'Main' }, secrets: { password: 'Passw0rd!' } }))
      .profile.id;
    otherId = (await callOk(h.d, 'profiles.create', { profile: { ...profile, name: 'Spare' }, secrets: { password: 'Passw0rd!' } })).profile
      .id;
    const job: RpcInput<'jobs.create'>['job'] = {
      name: 'Team',
      profile: 'Main',
      mailboxes: { mode: 'list', list: [SVC] },
      target: { kind: 'folder', path: dir },
    };
    jobId = (await callOk(h.d, 'jobs.create', { job })).job.id;
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('mailboxes.resolve checks every pasted address against the directory at once', async () => {
    const r = await callOk(h.d, 'mailboxes.resolve', {
      profileId,
      addresses: ['anna.schmidt@contoso.com', 'ANNA.SCHMIDT@contoso.com', 'nobody@contoso.com', 'alice'],
    });
    expect(r.results).toEqual([
      { input: 'anna.schmidt@contoso.com', mailbox: objectContaining({ smtp: 'anna.schmidt@contoso.com' }) },
      { input: 'nobody@contoso.com', problem: 'notFound' },
      { input: 'alice', problem: 'invalid' },
    ]);
  });

  it('profiles.usage names the jobs (a job may name its profile by name)', async () => {
    expect(await callOk(h.d, 'profiles.usage', { id: profileId })).toEqual({ jobs: [{ id: jobId, name: 'Team' }], twowayRules: [] });
    expect((await callOk(h.d, 'profiles.usage', { id: otherId })).jobs).toEqual([]);
  });

  it('refuses to remove a profile in use, naming its jobs; with reassignTo the jobs move first', async () => {
    const refused = await h.d.call('profiles.remove', { id: profileId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.id).toBe('profiles.inUse');
      expect(rendered(refused.error).message).toContain('"Team"');
    }
    expect((await callOk(h.d, 'profiles.get', { id: profileId })).profile.name).toBe('Main');
    const bad = await h.d.call('profiles.remove', { id: profileId, reassignTo: profileId });
    expect(bad.ok).toBe(false);

    const moved = await callOk(h.d, 'profiles.remove', { id: profileId, reassignTo: 'Spare' });
    expect(moved).toEqual({ removed: true, reassigned: ['Team'] });
    expect((await callOk(h.d, 'jobs.get', { id: jobId })).job.profile).toBe(otherId);
    expect((await callOk(h.d, 'profiles.list', {})).profiles.map((p: { profile: { name: string } }) => p.profile.name)).toEqual(['Spare']);
  });
});

describe('fs.list', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calpump-fs-list-'));
    await mkdir(join(dir, 'exports'));
    await writeFile(join(dir, 'root-ca.pem'), 'x'.repeat(10));
    await writeFile(join(dir, 'notes.txt'), 'y');
    await writeFile(join(dir, '.hidden.pem'), 'z');
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists folders first, files only with an asked-for extension, hidden ones never', async () => {
    const folders = await callOk(h.d, 'fs.list', { path: dir });
    expect(folders.entries.map((e: { name: string }) => e.name)).toEqual(['exports']);
    expect(folders.parent).toBeTruthy();
    expect(folders.roots.length).toBeGreaterThan(0);
    const pems = await callOk(h.d, 'fs.list', { path: dir, extensions: ['pem', '.cer'] });
    expect(pems.entries).toEqual([
      { name: 'exports', path: join(dir, 'exports'), kind: 'dir' },
      { name: 'root-ca.pem', path: join(dir, 'root-ca.pem'), kind: 'file', size: 10 },
    ]);
  });

  it('names a folder that is not there in a catalogue error', async () => {
    const r = await h.d.call('fs.list', { path: join(dir, 'missing') });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.id).toBe('fs.unreadable');
      expect(rendered(r.error).message).toContain('no such folder');
    }
  });

  it('app.openPath is not offered by a host without a desktop; feeds.info says nothing without feeds', async () => {
    const r = await h.d.call('app.openPath', { path: dir });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.id).toBe('rpc.notAvailable');
    expect(await callOk(h.d, 'feeds.info', {})).toEqual({});
  });
});
