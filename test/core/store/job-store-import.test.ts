// Import jobs carry no mailboxes and no target (the import document names the mailboxes; they write into them):
// jobs.json files from older versions, which stored placeholders for both, still load and lose the placeholders
// on the next write; other job types still need both, and say so naming the field.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { JobStore, JOBS_FILE } from '../../../src/core/store/job-store.js';
import { mailboxesOf, targetOf } from '../../../src/shared/job.js';
import { readJson } from '../../support/typed-json.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-jobs-import-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const importDoc = { id: 'absences', source: { path: '/srv/absences.csv' }, mailboxes: ['anna.schmidt@contoso.com'] };

describe('import jobs in the job store', () => {
  it('loads an import job an older version stored with placeholder mailboxes and target, and drops them on write', async () => {
    const old = {
      schemaVersion: 1,
      jobs: [
        {
          id: 'j1',
          type: 'import',
          import: importDoc,
          name: 'Absences',
          profile: 'onprem',
          mailboxes: { mode: 'list', list: ['anna.schmidt@contoso.com'] },
          target: { kind: 'folder', path: '/etc/calpump/state' },
          schedule: { kind: 'interval', minutes: 60, active: true },
        },
        { id: 'j2', name: 'Rooms', profile: 'onprem', mailboxes: { mode: 'allRooms' }, target: { kind: 'folder', path: '/srv/out' } },
      ],
    };
    await writeFile(join(dir, JOBS_FILE), JSON.stringify(old));
    const store = new JobStore({ dir, secrets: new MemorySecretStore() });
    const [imp, rooms] = await store.list();
    expect(imp).toMatchObject({ id: 'j1', type: 'import', import: importDoc, schedule: { kind: 'interval', minutes: 60 } });
    expect(targetOf(imp)).toBeUndefined();
    expect(mailboxesOf(imp)).toBeUndefined();
    expect(targetOf(rooms)).toEqual({ kind: 'folder', path: '/srv/out' });
    await store.update('Absences', (j) => ({ ...j, schedule: { kind: 'manual' } }));
    const onDisk = await readJson<{ jobs: Array<Record<string, unknown>> }>(join(dir, JOBS_FILE));
    expect(onDisk.jobs[0]).not.toHaveProperty('target');
    expect(onDisk.jobs[0]).not.toHaveProperty('mailboxes');
    expect(onDisk.jobs[1]?.target).toEqual({ kind: 'folder', path: '/srv/out' });
  });

  it('adds an import job without mailboxes or target; refuses an export or presence job without them, naming the field', async () => {
    const store = new JobStore({ dir, secrets: new MemorySecretStore() });
    const added = await store.add({ type: 'import', import: importDoc, name: 'Absences', profile: 'onprem' });
    expect(added.type).toBe('import');
    for (const [input, field] of [
      [{ name: 'X', profile: 'onprem', mailboxes: { mode: 'allRooms' } }, 'target'],
      [{ type: 'presence', name: 'Y', profile: 'onprem', target: { kind: 'folder', path: '/x' } }, 'mailboxes'],
    ] as const) {
      expect((await calpumpFailure(store.add(input as never))).params.field).toBe(field);
    }
  });
});
