// jobs.json edited by hand: each job stands alone (a broken one is listed with its field, the others load and
// run), nothing in the file is lost on a rewrite, and a copied entry never reaches the original's secret.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { JobStore } from '../../../src/core/store/job-store.js';
import { jobSecretKey } from '../../../src/shared/job.js';
import { recordingLogger } from '../net/fakes.js';
import { readJson } from '../../support/typed-json.js';

const job = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  profile: 'onprem',
  mailboxes: { mode: 'allRooms' },
  target: { kind: 'folder', path: `/srv/${id}` },
  ...extra,
});

async function withFile(jobs: unknown[]) {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-jobs-integrity-'));
  const path = join(dir, 'jobs.json');
  const text = `${JSON.stringify({ schemaVersion: 1, jobs }, null, 2)}\n`;
  await writeFile(path, text);
  const secrets = new MemorySecretStore();
  const logger = recordingLogger();
  let n = 0;
  const store = new JobStore({ dir, secrets, logger, newId: () => `new-${++n}` });
  const onDisk = async () => (await readJson<{ jobs: Array<Record<string, unknown>> }>(path)).jobs;
  return { dir, path, text, secrets, logger, store, onDisk };
}

describe('JobStore: config integrity', () => {
  it('a broken job is listed with its field and logged once; the others load; the file is not touched', async () => {
    const { store, path, text, logger } = await withFile([
      job('a', 'Alpha'),
      job('b', 'Bravo', { schedule: { kind: 'interval', minutes: 0 } }),
      job('c', 'Charlie', { schedule: { kind: 'cron', cron: 'every tuesday at noon' } }),
      'not a job',
      job('d', 'Delta'),
    ]);
    expect((await store.list()).map((j) => j.name)).toEqual(['Alpha', 'Delta']);
    const { broken } = await store.inventory();
    expect(broken.map((b) => [b.field, b.ref])).toEqual([
      ['jobs[1].schedule.minutes', 'Bravo'],
      ['jobs[2].schedule.cron', 'Charlie'],
      ['jobs[3]', 'jobs[3]'],
    ]);
    // Each problem is an engine text the hosts render in the reader's language.
    expect(broken.map((b) => b.problem)).toEqual([
      { key: 'problem.schema.tooSmall', params: { limit: 1, inclusive: 'yes' } },
      { key: 'problem.job.badCron', params: { detail: expect.any(String) as unknown } },
      { key: 'problem.job.notObject' },
    ]);
    const warned = logger.records.filter((e) => e.event === 'jobs.entryInvalid');
    expect(warned).toHaveLength(3);
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('adding, editing and removing other jobs keeps the broken entries and unknown fields exactly as they were', async () => {
    const broken = job('b', 'Bravo', { window: { daysBack: -1, daysAhead: 5 }, note: 'fix me later' });
    const { store, onDisk } = await withFile([
      job('a', 'Alpha', {
        futureOption: { level: 3 },
        filters: { private: 'skip', futureFilter: true },
        target: { kind: 'folder', path: '/srv/a', rotate: 7 },
      }),
      broken,
    ]);
    await store.add(job('x', 'Xray'));
    await store.update('Alpha', (j) => ({ ...j, window: { daysBack: 1, daysAhead: 30 } }));
    await store.remove('Xray');
    const [alpha, bravo] = await onDisk();
    expect(bravo).toEqual(broken);
    expect(alpha).toMatchObject({
      futureOption: { level: 3 },
      filters: { private: 'skip', futureFilter: true },
      target: { kind: 'folder', path: '/srv/a', rotate: 7 },
      window: { daysBack: 1, daysAhead: 30 },
    });
    // An edit that replaces the whole job (as the UI does) keeps them too.
    const current = await store.get('Alpha');
    await store.update(current.id, () => ({ ...current, id: undefined, concurrency: 2 }));
    expect((await onDisk())[0]).toMatchObject({ futureOption: { level: 3 }, filters: { futureFilter: true }, concurrency: 2 });
  });

  it('duplicate names: the later entry is refused at load and a new one is refused at input', async () => {
    const { store } = await withFile([job('a', 'Rooms'), job('b', 'ROOMS')]);
    expect((await store.list()).map((j) => j.id)).toEqual(['a']);
    expect((await store.inventory()).broken).toEqual([expect.objectContaining({ field: 'jobs[1].name', ref: 'jobs[1]' })]);
    await expect(store.add(job('c', 'rooms'))).rejects.toMatchObject({ id: 'input.invalid', params: { field: 'name' } });
    await expect(store.remove('rooms')).rejects.toMatchObject({ id: 'config.ambiguous' });
    expect(await store.remove('jobs[1]')).toEqual({ id: 'b', name: 'ROOMS' });
    expect((await store.inventory()).broken).toEqual([]);
  });

  it('a copied job (same id): refused at load; removing or editing the copy never reaches the original’s secret', async () => {
    const { store, secrets, onDisk } = await withFile([job('a', 'Hook'), job('a', 'Hook copy')]);
    await secrets.set(jobSecretKey('a', 'webhookSecret'), 'orig-secret');
    expect((await store.inventory()).broken).toEqual([expect.objectContaining({ field: 'jobs[1].id' })]);
    await expect(store.remove('a')).rejects.toMatchObject({ id: 'config.ambiguous' });
    const edited = await store.update('Hook copy', (j) => ({ ...j, concurrency: 3 }));
    expect(edited.id).toBe('new-1');
    expect((await onDisk()).map((j) => j.id)).toEqual(['a', 'new-1']);
    expect(await secrets.get(jobSecretKey('a', 'webhookSecret'))).toBe('orig-secret');
  });

  it('removing a copy reports the shared id so state and history stay, and keeps the secret', async () => {
    const { store, secrets } = await withFile([job('a', 'Hook'), job('a', 'Hook copy')]);
    await secrets.set(jobSecretKey('a', 'webhookSecret'), 'orig-secret');
    expect(await store.remove('Hook copy')).toEqual({ id: 'a', name: 'Hook copy', sharedId: true });
    expect(await secrets.get(jobSecretKey('a', 'webhookSecret'))).toBe('orig-secret');
    expect((await store.list()).map((j) => j.name)).toEqual(['Hook']);
  });

  it('a relative target path or a URL with credentials is a broken entry, never resolved against the working folder', async () => {
    const { store } = await withFile([
      job('a', 'Escape', { target: { kind: 'folder', path: '../../etc' } }),
      job('b', 'Hook', { target: { kind: 'webhook', url: 'https://u:secret@hooks.contoso.com/x' } }),
      job('c', 'Fine'),
    ]);
    expect((await store.list()).map((j) => j.name)).toEqual(['Fine']);
    const broken = (await store.inventory()).broken;
    expect(broken.map((b) => b.field)).toEqual(['jobs[0].target.path', 'jobs[1].target.url']);
    expect(broken[1].problem).not.toContain('secret@');
    await expect(store.get('Escape')).rejects.toMatchObject({ id: 'config.invalid' });
  });
});
