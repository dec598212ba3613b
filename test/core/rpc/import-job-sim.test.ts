// The UI job service runs a job of type 'import' with the profile's writer against the simulator: run now →
// the rows land in the mailboxes, progress reaches 100 %, the run is in the history.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../src/core/rpc/dispatcher.js';
import type { RunningSimulator } from '../../../src/sim/index.js';
import { useCoreSim } from './core-sim.js';
import { callOk, payloadsOf } from './typed-rpc.js';
import { absences, ownedInWorld, tempDir, writableMailboxes, writeCsv } from '../import/import-sim.js';

const h = useCoreSim({ seed: 11, mailboxes: 12, eventsPerMailbox: 1 }, 'calpump-rpc-import-');
let sim: RunningSimulator;
let dir: string;
let d: Dispatcher;
const seen = h.seen;
beforeAll(() => void ({ sim, dir, d } = h));

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('condition not reached');
}

describe('PumpJobService: import job type', () => {
  it('runs an import job now with the profile writer and records it', async () => {
    const profile = (
      await callOk(d, 'profiles.create', {
        profile: {
          kind: 'ews',
          name: 'Sim',
          url: sim.ewsUrl,
          auth: 'basic',
          username: 'svc-calpump@contoso.com',
          tls: sim.caFile ? { caFile: sim.caFile } : {},
          proxy: { mode: 'none' },
        },
        secrets: { password: 'Passw0rd!' },
      })
    ).profile;
    const mailboxes = writableMailboxes(sim, 2);
    const rows = absences(4, mailboxes);
    const file = await writeCsv(await tempDir(), rows);
    const view = await callOk(d, 'jobs.create', {
      job: {
        type: 'import',
        name: 'Absences',
        profile: profile.id,
        import: { id: 'absences-ui', source: { path: file } },
        mailboxes: { mode: 'list', list: mailboxes },
        target: { kind: 'folder', path: join(dir, 'unused') },
      },
    });
    expect(view.job).toMatchObject({ type: 'import', import: { id: 'absences-ui' } });
    const { runId } = await callOk(d, 'jobs.runNow', { id: view.job.id });
    await until(() => seen.some((e) => e.name === 'job.status' && e.payload.runId === runId && e.payload.status !== 'running'));
    expect(payloadsOf(seen, 'job.status').find((p) => p.runId === runId && p.status !== 'running')!.status).toBe('ok');
    expect(
      payloadsOf(seen, 'job.progress')
        .filter((p) => p.runId === runId)
        .at(-1)!.percent,
    ).toBe(100);
    const { runs } = await callOk(d, 'jobs.history', { id: view.job.id });
    expect(runs[0]).toMatchObject({ runId, status: 'ok', mailboxesOk: 2, itemsWritten: 4 });
    expect([...ownedInWorld(sim, 'absences-ui').values()].flat().sort()).toEqual(rows.map((r) => r.id).sort());
  });
});
