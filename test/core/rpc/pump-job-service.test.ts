// The job service over the real stores and pump, with an in-memory connector: create → run → progress to
// 100% → history → files on disk; a failing mailbox marks the job failing and the tray state follows.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { createCoreServices, type BuiltCoreServices } from '../../../src/core/rpc/core-services.js';
import { createDispatcher } from '../../../src/core/rpc/dispatcher.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { ServerWaits } from '../../../src/core/net/server-wait.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';
import { FakeConnector, makeEvent } from '../../support/fake-connector.js';
import { scriptedConnector } from './harness.js';
import { callOk, payloadsOf, recordInto, type SeenEvent } from './typed-rpc.js';

let dir: string;
let built: BuiltCoreServices | undefined;
afterEach(async () => {
  built?.stop();
  built = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function setup(connector: FakeConnector | ReturnType<typeof scriptedConnector>) {
  dir = await mkdtemp(join(tmpdir(), 'calpump-jobs-'));
  built = await createCoreServices({
    configDir: dir,
    secrets: new MemorySecretStore(),
    version: '1.0.0',
    features: { startAtLogin: false, notifications: false, openExternal: false },
    schedule: false,
    createConnector: async () => connector,
  });
  const d = createDispatcher(built.services, { events: built.events });
  const seen: SeenEvent[] = [];
  built.events.subscribe(recordInto(seen));
  const profile = (
    await callOk(d, 'profiles.create', {
      profile: { kind: 'ews', name: 'sim', url: 'https://127.0.0.1/EWS/Exchange.asmx', username: 'svc-calpump@contoso.com' },
      secrets: { password: 'Passw0rd!' },
    })
  ).profile;
  return { d, seen, profile };
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('condition not reached');
}

describe('PumpJobService through the dispatcher', () => {
  it('creates a job, runs it to 100%, records the run and writes the files', async () => {
    const connector = new FakeConnector();
    const soon = new Date(Date.now() + 86_400_000);
    connector.put(
      'anna.schmidt@contoso.com',
      'calendar',
      makeEvent({ start: soon.toISOString(), end: new Date(soon.getTime() + 3_600_000).toISOString() }),
    );
    connector.put(
      'alice.smith@contoso.com',
      'calendar',
      makeEvent({ start: soon.toISOString(), end: new Date(soon.getTime() + 1_800_000).toISOString() }),
    );
    const { d, seen, profile } = await setup(connector);
    const outDir = join(dir, 'export');
    const view = await callOk(d, 'jobs.create', {
      job: {
        name: 'Team calendars',
        profile: profile.id,
        mailboxes: { mode: 'list', list: ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'] },
        target: { kind: 'folder', path: outDir },
      },
    });
    expect(view.job.id).not.toBe('new');
    expect(view.state).toBe('idle');

    const { runId } = await callOk(d, 'jobs.runNow', { id: view.job.id });
    await until(() => seen.some((e) => e.name === 'job.status' && e.payload.runId === runId && e.payload.status !== 'running'));
    const progress = payloadsOf(seen, 'job.progress')
      .filter((p) => p.runId === runId)
      .map((p) => p.percent);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toContain(50);
    expect(payloadsOf(seen, 'job.status').find((p) => p.status !== 'running')!.status).toBe('ok');
    expect(seen.some((e) => e.name === 'app.state' && e.payload.tray === 'syncing')).toBe(true);

    const { runs } = await callOk(d, 'jobs.history', { id: view.job.id });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ runId, status: 'ok', mailboxesOk: 2 });
    expect((await readdir(outDir)).filter((f) => f.endsWith('.ics'))).toHaveLength(2);
    expect((await callOk(d, 'jobs.get', { id: view.job.id })).lastRun?.runId).toBe(runId);
    expect((await callOk(d, 'app.state')).tray).toBe('idle');
  });

  it('a server-requested wait met while reading becomes a job.waiting event with length, reason and mailbox', async () => {
    class WaitingConnector extends FakeConnector {
      readonly serverWaits = new ServerWaits();
      override async *calendarView(mailbox: string, folderId: string, from: Date, to: Date): AsyncIterable<NormalisedEvent> {
        // What the EWS transport does before it waits out an ErrorServerBusy, on the connector's channel.
        await Promise.resolve();
        this.serverWaits.announce(nullLogger, { ms: 45_000, reason: 'ErrorServerBusy', mailbox, operation: 'FindItem' });
        yield* super.calendarView(mailbox, folderId, from, to);
      }
    }
    const connector = new WaitingConnector();
    const soon = new Date(Date.now() + 86_400_000);
    connector.put(
      'anna.schmidt@contoso.com',
      'calendar',
      makeEvent({ start: soon.toISOString(), end: new Date(soon.getTime() + 3_600_000).toISOString() }),
    );
    const { d, seen, profile } = await setup(connector);
    const view = await callOk(d, 'jobs.create', {
      job: {
        name: 'Busy',
        profile: profile.id,
        mailboxes: { mode: 'list', list: ['anna.schmidt@contoso.com'] },
        target: { kind: 'folder' as const, path: join(dir, 'o') },
      },
    });
    const { runId } = await callOk(d, 'jobs.runNow', { id: view.job.id });
    await until(() => seen.some((e) => e.name === 'job.status' && e.payload.runId === runId && e.payload.status !== 'running'));
    const waiting = payloadsOf(seen, 'job.waiting');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({
      jobId: view.job.id,
      runId,
      mailbox: 'anna.schmidt@contoso.com',
      ms: 45_000,
      reason: 'ErrorServerBusy',
    });
    expect(Date.parse(waiting[0].until)).toBeGreaterThan(Date.now());
  });

  it('a failed mailbox marks the job failing (tray: error) until a run succeeds', async () => {
    const connector = new FakeConnector();
    const soon = new Date(Date.now() + 86_400_000);
    connector.put(
      'anna.schmidt@contoso.com',
      'calendar',
      makeEvent({ start: soon.toISOString(), end: new Date(soon.getTime() + 3_600_000).toISOString() }),
    );
    connector.failures.set('anna.schmidt@contoso.com', {
      error: new CalpumpError('ews.mailbox.notFound', { params: { mailbox: 'anna.schmidt@contoso.com' } }),
      times: 1,
    });
    const { d, seen, profile } = await setup(connector);
    const view = await callOk(d, 'jobs.create', {
      job: {
        name: 'One',
        profile: profile.id,
        mailboxes: { mode: 'list', list: ['anna.schmidt@contoso.com'] },
        target: { kind: 'folder' as const, path: join(dir, 'o') },
      },
    });
    const finished = () => payloadsOf(seen, 'job.status').filter((p) => p.status !== 'running');
    await callOk(d, 'jobs.runNow', { id: view.job.id });
    await until(() => finished().length === 1);
    expect(finished()[0]).toMatchObject({ status: 'failed', error: { id: 'ews.mailbox.notFound' } });
    expect(await callOk(d, 'app.state')).toMatchObject({ tray: 'error', failingJobs: [view.job.id] });
    await callOk(d, 'jobs.runNow', { id: view.job.id });
    await until(() => finished().length === 2);
    expect(finished()[1]).toMatchObject({ status: 'ok' });
    expect((await callOk(d, 'app.state')).tray).toBe('idle');
    expect((await callOk(d, 'jobs.pauseAll')).tray).toBe('paused');
    expect((await callOk(d, 'jobs.resumeAll')).tray).toBe('idle');
  });

  it('cancels a running job: the run ends as cancelled and the job is not marked failing', async () => {
    const { d, seen, profile } = await setup(scriptedConnector({ hang: true }));
    const view = await callOk(d, 'jobs.create', {
      job: {
        name: 'Slow',
        profile: profile.id,
        mailboxes: { mode: 'list', list: ['anna.schmidt@contoso.com'] },
        target: { kind: 'folder', path: join(dir, 'slow') },
      },
    });
    const { runId } = await callOk(d, 'jobs.runNow', { id: view.job.id });
    expect((await callOk(d, 'jobs.runNow', { id: view.job.id })).runId).toBe(runId); // one run per job at a time
    expect((await callOk(d, 'jobs.get', { id: view.job.id })).state).toBe('running');
    expect(await callOk(d, 'jobs.cancel', { id: view.job.id })).toEqual({ cancelled: true });
    await until(() => seen.some((e) => e.name === 'job.status' && e.payload.runId === runId && e.payload.status !== 'running'));
    expect(payloadsOf(seen, 'job.status').find((p) => p.runId === runId && p.status !== 'running')!.status).toBe('cancelled');
    expect((await callOk(d, 'app.state')).failingJobs).toEqual([]);
    expect(await callOk(d, 'jobs.cancel', { id: view.job.id })).toEqual({ cancelled: false });
  });

  it('lists a jobs.json entry that does not validate as broken, with its field and file, next to the valid jobs', async () => {
    const { d, profile } = await setup(new FakeConnector());
    const good = {
      name: 'Good',
      profile: profile.id,
      mailboxes: { mode: 'list' as const, list: ['a@contoso.com'] },
      target: { kind: 'folder' as const, path: join(dir, 'o') },
    };
    const created = await callOk(d, 'jobs.create', { job: good });
    const file = join(dir, 'jobs.json');
    const doc = JSON.parse(await readFile(file, 'utf8')) as { jobs: Array<Record<string, unknown>> };
    doc.jobs.push({ ...doc.jobs[0], id: 'b-1', name: 'Broken', schedule: { kind: 'cron', cron: 'every tuesday' } });
    await writeFile(file, JSON.stringify(doc));
    const listed = await callOk(d, 'jobs.list');
    expect(listed.jobs.map((j) => j.job.id)).toEqual([created.job.id]);
    expect(listed.broken).toEqual([
      expect.objectContaining({ ref: 'Broken', name: 'Broken', id: 'b-1', field: 'jobs[1].schedule.cron', file }),
    ]);
    expect(listed.broken?.[0].problem).not.toBe('');
    // The entry comes along as stored, so the job editor can open it; saving it through jobs.update repairs it.
    const entry = listed.broken![0].entry!;
    expect(entry).toMatchObject({ id: 'b-1', name: 'Broken', schedule: { cron: 'every tuesday' } });
    await callOk(d, 'jobs.update', { job: { ...created.job, id: 'b-1', name: 'Broken', schedule: { kind: 'cron', cron: '0 2 * * 2' } } });
    const repaired = await callOk(d, 'jobs.list');
    expect(repaired.broken).toEqual([]);
    expect(repaired.jobs.map((j) => j.job.id).sort()).toEqual([created.job.id, 'b-1'].sort());
  });
});

describe('PumpJobService: free/busy job type', () => {
  it('runs a free/busy job now: busy blocks to the folder, progress to 100%, the run in the history', async () => {
    const connector = new FakeConnector();
    const availability = async (mailboxes: string[], from: Date) =>
      mailboxes.map((mailbox) => ({
        mailbox,
        start: new Date(from.getTime() + 86_400_000).toISOString(),
        end: new Date(from.getTime() + 90_000_000).toISOString(),
        showAs: 'oof' as const,
      }));
    const { d, seen, profile } = await setup(Object.assign(connector, { availability }));
    const outDir = join(dir, 'fb');
    const view = await callOk(d, 'jobs.create', {
      job: {
        type: 'freebusy',
        name: 'Team free-busy',
        profile: profile.id,
        mailboxes: { mode: 'list', list: ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'] },
        format: 'ics',
        target: { kind: 'folder', path: outDir },
      },
    });
    expect(view.job.type).toBe('freebusy');
    const { runId } = await callOk(d, 'jobs.runNow', { id: view.job.id });
    await until(() => seen.some((e) => e.name === 'job.status' && e.payload.runId === runId && e.payload.status !== 'running'));
    expect(payloadsOf(seen, 'job.status').find((p) => p.status !== 'running')!.status).toBe('ok');
    const progress = payloadsOf(seen, 'job.progress')
      .filter((p) => p.runId === runId)
      .map((p) => p.percent);
    expect(progress).toContain(50);
    expect(progress.at(-1)).toBe(100);
    const { runs } = await callOk(d, 'jobs.history', { id: view.job.id });
    expect(runs[0]).toMatchObject({ runId, status: 'ok', mailboxesOk: 2, items: 2, itemsWritten: 2 });
    expect((await readdir(outDir)).sort()).toEqual(['freebusy-alice.smith@contoso.com.ics', 'freebusy-anna.schmidt@contoso.com.ics']);
    expect(await readFile(join(outDir, 'freebusy-anna.schmidt@contoso.com.ics'), 'utf8')).toContain('FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:');
    expect(connector.requests.map((r) => r.op)).not.toContain('syncChanges');
  });
});
