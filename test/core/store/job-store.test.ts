import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobStore } from '../../../src/core/store/job-store.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { jobSecretKey } from '../../../src/shared/job.js';
import { readJson } from '../../support/typed-json.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

const base = {
  name: 'Rooms nightly',
  profile: 'onprem',
  mailboxes: { mode: 'allRooms' as const },
  target: { kind: 'folder' as const, path: '/tmp/out' },
};

describe('JobStore', () => {
  let dir: string;
  let secrets: MemorySecretStore;
  let store: JobStore;
  let n = 0;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calpump-jobs-'));
    secrets = new MemorySecretStore();
    store = new JobStore({ dir, secrets, newId: () => `job-${++n}` });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds a job with defaults filled in and finds it by name (any case) or id', async () => {
    const job = await store.add(base);
    expect(job).toMatchObject({
      folders: { ids: ['calendar'], includeSubfolders: false },
      window: { daysBack: 7, daysAhead: 90 },
      filters: { private: 'mask', includeBody: false },
      format: 'ics',
      schedule: { kind: 'manual' },
      concurrency: 8,
    });
    expect(await store.get('rooms NIGHTLY')).toEqual(job);
    expect(await store.get(job.id)).toEqual(job);
    const onDisk = await readJson<{ schemaVersion: number; jobs: Array<{ name: string }> }>(join(dir, 'jobs.json'));
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.jobs[0].name).toBe('Rooms nightly');
  });

  it('refuses duplicate names, bad cron expressions and plain-http webhooks to other hosts', async () => {
    await store.add(base);
    await expect(store.add({ ...base, name: 'ROOMS NIGHTLY' })).rejects.toMatchObject({ id: 'input.invalid', params: { field: 'name' } });
    const cron = await calpumpFailure(store.add({ ...base, name: 'c', schedule: { kind: 'cron', cron: 'every tuesday' } }));
    expect(cron.params.field).toBe('schedule.cron');
    const hook = await calpumpFailure(store.add({ ...base, name: 'h', target: { kind: 'webhook', url: 'http://example.com/hook' } }));
    expect(hook.params.field).toBe('target.url');
    await expect(store.add({ ...base, name: 'h2', target: { kind: 'webhook', url: 'http://127.0.0.1:9/hook' } })).resolves.toBeTruthy();
  });

  it('updates a job keeping its id, and removes it together with its webhook secret', async () => {
    const job = await store.add({ ...base, target: { kind: 'webhook', url: 'https://hooks.contoso.com/cal' } });
    await secrets.set(jobSecretKey(job.id, 'webhookSecret'), 's3cret');
    const updated = await store.update('Rooms nightly', (j) => ({ ...j, window: { daysBack: 1, daysAhead: 14 } }));
    expect(updated.id).toBe(job.id);
    expect(updated.window).toEqual({ daysBack: 1, daysAhead: 14 });
    await store.remove(job.id);
    expect(await store.list()).toEqual([]);
    expect(await secrets.get(jobSecretKey(job.id, 'webhookSecret'))).toBeUndefined();
    await expect(store.get(job.id)).rejects.toMatchObject({ id: 'pump.jobNotFound' });
  });

  it('reports a hand-edited bad job with config.invalid naming the field, keeps a backup, and lists the others', async () => {
    await store.add(base);
    await store.add({ ...base, name: 'Other' });
    const doc = await readJson<{ jobs: Array<{ window: { daysBack: number } }> }>(join(dir, 'jobs.json'));
    doc.jobs[0].window.daysBack = -3;
    await writeFile(join(dir, 'jobs.json'), JSON.stringify(doc));
    expect((await store.list()).map((j) => j.name)).toEqual(['Other']);
    expect((await store.inventory()).broken).toEqual([
      expect.objectContaining({ index: 0, field: 'jobs[0].window.daysBack', name: 'Rooms nightly', ref: 'Rooms nightly' }),
    ]);
    const err = await calpumpFailure(store.get('Rooms nightly'));
    expect(err.id).toBe('config.invalid');
    expect(err.params.field).toBe('jobs[0].window.daysBack');
    await expect(readFile(err.params.backup as string, 'utf8')).resolves.toContain('-3');
  });

  it('refuses credentials inside a webhook URL and a relative target path, saying where they belong', async () => {
    const hook = await calpumpFailure(store.add({ ...base, target: { kind: 'webhook', url: 'https://user:pw@hooks.contoso.com/cal' } }));
    expect(hook).toMatchObject({ id: 'input.invalid', params: { field: 'target.url' } });
    expect(hook.params.problem).toEqual({ key: 'problem.webhook.credentials' });
    expect(hook.render().message).toContain('webhook secret');
    expect(hook.render('de').message).toContain('Webhook-Geheimnis');
    expect(JSON.stringify(hook.info())).not.toContain('pw');
    for (const path of ['../../etc', 'out', './x', 'C:relative']) {
      const rel = await calpumpFailure(store.add({ ...base, target: { kind: 'folder', path } }));
      expect(rel, path).toMatchObject({ id: 'input.invalid', params: { field: 'target.path' } });
    }
    for (const path of ['/srv/out', 'C:\\Calpump\\export', 'D:/exports', '\\\\fileserver\\share\\cal'])
      await expect(store.add({ ...base, name: `ok ${path.length}`, target: { kind: 'sqlite', path } }), path).resolves.toBeTruthy();
  });
});
