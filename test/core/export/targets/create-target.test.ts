// The job's output settings reach the target: CSV cell handling per job (a change rewrites every file, through a
// new target id), and target paths that are not absolute on this machine are refused before anything is written.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTarget } from '../../../../src/core/export/targets/index.js';
import { MemorySecretStore } from '../../../../src/core/secrets/memory-secret-store.js';
import { SyncStateStore } from '../../../../src/core/store/sync-state-store.js';
import { jobSchema, type Job } from '../../../../src/shared/job.js';
import { sampleEvents } from '../../../support/sample-events.js';
import { recordingLogger } from '../../net/fakes.js';

async function deps() {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-target-'));
  return {
    dir,
    deps: {
      states: new SyncStateStore(join(dir, 'state'), recordingLogger()),
      secrets: new MemorySecretStore(),
      logger: recordingLogger(),
    },
  };
}

const job = (path: string, extra: Record<string, unknown> = {}): Job =>
  jobSchema.parse({
    id: 'j',
    name: 'J',
    profile: 'p',
    mailboxes: { mode: 'allRooms' },
    target: { kind: 'folder', path },
    format: 'csv',
    ...extra,
  });

describe('createTarget', () => {
  it('writes neutralised CSV cells by default and raw ones for a job that opts out, under different target ids', async () => {
    const { dir, deps: d } = await deps();
    const events = [{ ...sampleEvents()[0], subject: '=1+1' }];
    const batch = () => ({
      jobId: 'j',
      jobName: 'J',
      mailbox: 'a@contoso.com',
      folder: 'calendar',
      sequence: 1,
      outputHash: 'h',
      events,
      upserts: events,
      deletes: [],
      reset: true,
    });
    const safe = await createTarget(job(join(dir, 'safe')), d);
    const raw = await createTarget(job(join(dir, 'raw'), { csv: { keepFormulas: true } }), d);
    expect(safe.id).not.toBe((await createTarget(job(join(dir, 'safe'), { csv: { keepFormulas: true } }), d)).id);
    await safe.write(batch());
    await raw.write(batch());
    expect(await readFile(join(dir, 'safe', 'a@contoso.com__calendar.csv'), 'utf8')).toContain(",'=1+1,");
    expect(await readFile(join(dir, 'raw', 'a@contoso.com__calendar.csv'), 'utf8')).toContain(',=1+1,');
  });

  it('refuses a path this machine does not read as absolute (a Windows path on Linux)', async () => {
    const { deps: d } = await deps();
    const path = 'C:\\Calpump\\export';
    await expect(createTarget(job(path), d)).rejects.toMatchObject({ id: 'input.invalid', params: { field: 'target.path' } });
  });
});
