// A stored job of type 'import' through the executor against the simulator: the job's import document is run
// with the profile's writer, the rows land in the mailboxes, the run is recorded, and a second run writes nothing.
import { join } from 'node:path';
import { rendered } from '../../support/rendered.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarWriter } from '../../../src/core/connectors/writer.js';
import { createJobExecutor } from '../../../src/core/scheduler/job-executor.js';
import { RunHistory } from '../../../src/core/store/run-history.js';
import type { PumpEvent } from '../../../src/shared/job.js';
import type { Profile } from '../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { absences, ownedInWorld, simWriter, tempDir, writableMailboxes, writeCsv } from '../import/import-sim.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';

let sim: RunningSimulator;
let h: Harness;
const profile = { id: 'imp-ews', name: 'sim-ews', kind: 'ews' } as unknown as Profile;

beforeAll(async () => {
  sim = await startSimulator({ seed: 11, anchor: new Date('2026-03-02T06:00:00Z'), mailboxes: 12, eventsPerMailbox: 1, latencyMs: 0 });
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(async () => {
  h = await createHarness('2026-03-10T12:00:00.000Z');
});
afterEach(async () => {
  await h.cleanup();
});

function executor(history: RunHistory, writerFor?: () => Promise<CalendarWriter>) {
  return createJobExecutor({
    profiles: { get: async () => profile },
    connectorFor: () => {
      throw new Error('an import job must not open a reading connector');
    },
    states: h.states,
    secrets: h.secrets,
    history,
    logger: h.logger,
    now: () => h.clock.now,
    writerFor,
  });
}

describe('import job type', () => {
  it('imports the rows of its import document into the mailboxes and records the run; a re-run writes nothing', async () => {
    const mailboxes = writableMailboxes(sim, 3);
    const rows = absences(6, mailboxes);
    const file = await writeCsv(await tempDir(), rows);
    const history = new RunHistory(h.dir);
    const job = h.job({ id: 'absences-job', type: 'import', import: { source: { path: file } } });
    const events: PumpEvent[] = [];
    const run = executor(history, () => simWriter(sim, 'ews'));

    const first = await run(job, { trigger: 'schedule', onEvent: (e) => events.push(e) });
    expect(first.record).toMatchObject({ status: 'ok', mailboxesOk: 3, mailboxesFailed: 0, itemsWritten: 6, items: 6 });
    const owned = ownedInWorld(sim, 'absences-job');
    expect([...owned.values()].flat().sort()).toEqual(rows.map((r) => r.id).sort());
    expect(events.filter((e) => e.type === 'mailbox.progress')).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'job.finished', record: first.record });

    const second = await run(job, { trigger: 'schedule' });
    expect(second.record).toMatchObject({ status: 'ok', itemsWritten: 0, items: 6 });
    expect(await history.list(job.id, 5)).toHaveLength(2);
  });

  it('fails clearly on an invalid import document, and in a host without a writer', async () => {
    const history = new RunHistory(h.dir);
    const bad = h.job({ id: 'bad-job', type: 'import', import: { source: {} } });
    const r1 = await executor(history, () => simWriter(sim, 'ews'))(bad, { trigger: 'manual' });
    expect(r1.record.status).toBe('failed');
    expect(r1.record.errors[0].error).toMatchObject({ id: 'input.invalid' });
    expect(rendered(r1.record.errors[0].error).message).toContain('import.source');

    const good = h.job({ id: 'nowriter', type: 'import', import: { source: { path: join(h.dir, 'x.csv') } } });
    const r2 = await executor(history)(good, { trigger: 'manual' });
    expect(r2.record.status).toBe('failed');
    expect(rendered(r2.record.errors[0].error).message).toContain('calpump import');
  });
});
