// Two-way jobs in the job store: they carry the saved rule's id and neither mailboxes nor target (the rule names
// both calendars); a two-way job without a rule id is refused naming twoway.ruleId; a jobs.json from before the
// type existed still loads unchanged, and one with a two-way job loads next to it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { JobStore, JOBS_FILE } from '../../../src/core/store/job-store.js';
import { hasOwnOutput, jobSchema, jobTypeOf, mailboxesOf, targetOf } from '../../../src/shared/job.js';
import { readJson } from '../../support/typed-json.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-jobs-twoway-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('two-way jobs in the job store', () => {
  it('loads an old jobs.json (no types) unchanged, and a two-way job next to it', async () => {
    const doc = {
      schemaVersion: 1,
      jobs: [
        {
          id: 'j1',
          name: 'Rooms',
          profile: 'onprem',
          mailboxes: { mode: 'allRooms' },
          target: { kind: 'folder', path: '/srv/out' },
          schedule: { kind: 'interval', minutes: 30, active: true },
        },
        // A placeholder target an editor may have left behind is dropped, as for import jobs.
        {
          id: 'j2',
          type: 'twoway',
          twoway: { ruleId: 'crm-anna' },
          name: 'CRM',
          profile: 'onprem',
          target: { kind: 'folder', path: '/tmp' },
          schedule: { kind: 'cron', cron: '*/10 * * * *', active: true },
        },
      ],
    };
    await writeFile(join(dir, JOBS_FILE), JSON.stringify(doc));
    const store = new JobStore({ dir, secrets: new MemorySecretStore() });
    const all = await store.list();
    const rooms = all.find((j) => j.id === 'j1');
    const crm = all.find((j) => j.id === 'j2');
    expect(jobTypeOf(rooms!)).toBe('export');
    expect(targetOf(rooms!)).toEqual({ kind: 'folder', path: '/srv/out' });
    expect(mailboxesOf(rooms!)).toEqual({ mode: 'allRooms' });
    expect(crm).toMatchObject({ type: 'twoway', twoway: { ruleId: 'crm-anna' }, schedule: { kind: 'cron', cron: '*/10 * * * *' } });
    expect(targetOf(crm!)).toBeUndefined();
    expect(mailboxesOf(crm!)).toBeUndefined();
    expect(hasOwnOutput(crm!)).toBe(false);
    expect(hasOwnOutput(rooms!)).toBe(true);
    await store.update('CRM', (j) => ({ ...j, schedule: { kind: 'manual' } }));
    const onDisk = await readJson<{ jobs: Array<{ id: string; twoway?: unknown }> }>(join(dir, JOBS_FILE));
    const stored = onDisk.jobs.find((j) => j.id === 'j2');
    expect(stored).not.toHaveProperty('target');
    expect(stored?.twoway).toEqual({ ruleId: 'crm-anna' });
  });

  it('adds a two-way job without mailboxes or target; refuses one without a rule id, naming twoway.ruleId', async () => {
    const store = new JobStore({ dir, secrets: new MemorySecretStore() });
    const added = await store.add({ type: 'twoway', twoway: { ruleId: 'crm-anna' }, name: 'CRM', profile: 'onprem' });
    expect(added).toMatchObject({ type: 'twoway', twoway: { ruleId: 'crm-anna' } });
    for (const [input, field] of [
      [{ type: 'twoway', name: 'No rule', profile: 'onprem' }, 'twoway.ruleId'],
      [{ type: 'twoway', twoway: { ruleId: '../etc' }, name: 'Bad rule', profile: 'onprem' }, 'twoway.ruleId'],
      [{ type: 'freebusy', name: 'Still needs a target', profile: 'onprem', mailboxes: { mode: 'allRooms' } }, 'target'],
    ] as const) {
      expect((await calpumpFailure(store.add(input as never))).params.field).toBe(field);
    }
    expect(jobSchema.safeParse({ id: 'x', type: 'twoway', name: 'X', profile: 'p' }).success).toBe(false);
  });
});
