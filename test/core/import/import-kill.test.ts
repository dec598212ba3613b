// Acceptance (issue 7): an import run as a CHILD PROCESS is killed with SIGKILL after a few write requests (a
// request may be in flight), then run to completion: every row exists exactly once, and a further run writes nothing.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { bundledRunner, removeBundledRunners } from '../../support/bundle-runner.js';
import { runChild as runRunner } from '../../support/kill-runner.js';
import { absences, ownedInWorld, tempDir, writableMailboxes, writeCounts, writeCsv } from './import-sim.js';

const RUNNER = join(import.meta.dirname, '..', '..', 'support', 'import-runner.ts');
let sim: RunningSimulator;
/** The import runner, killed after `killAfterLines` write requests if given. */
const runChild = (spec: string, killAfterLines?: number) =>
  runRunner(spec, killAfterLines === undefined ? undefined : { afterLines: killAfterLines, delayMs: 0 }, RUNNER);

beforeAll(async () => {
  sim = await startSimulator({ seed: 12, anchor: new Date('2026-03-02T06:00:00Z'), mailboxes: 60, eventsPerMailbox: 1 });
  // Bundled here, inside the set-up's longer limit; runChild reuses the bundle.
  await bundledRunner(RUNNER);
}, 120_000);
afterAll(async () => {
  await sim?.stop();
  await removeBundledRunners();
});

describe('import killed with SIGKILL', () => {
  it('re-run after the kill leaves every row exactly once', async () => {
    const dir = await tempDir();
    const mailboxes = writableMailboxes(sim, 50);
    const file = await writeCsv(dir, absences(500, mailboxes, 'S'));
    const spec = join(dir, 'spec.json');
    // One mailbox at a time: the kill lands after a known number of CreateItem requests.
    await writeFile(
      spec,
      JSON.stringify({
        ewsUrl: sim.ewsUrl,
        caFile: sim.caFile,
        stateDir: join(dir, 'state'),
        job: { id: 'sigkill', source: { path: file }, concurrency: 1 },
      }),
    );
    const killed = await runChild(spec, 5);
    expect(killed.stderr).toBe('');
    expect(killed.killed).toBe(true);
    const between = [...ownedInWorld(sim, 'sigkill').values()].flat().length;
    expect(between).toBeGreaterThanOrEqual(50);
    expect(between).toBeLessThan(500);

    const finished = await runChild(spec);
    expect(finished.stderr).toBe('');
    expect(finished.done).toBe(true);
    const keys = [...ownedInWorld(sim, 'sigkill').values()].flat();
    expect(keys).toHaveLength(500);
    expect(new Set(keys).size).toBe(500);

    sim.counters.reset();
    expect((await runChild(spec)).done).toBe(true);
    expect(writeCounts(sim, 'ews')).toEqual({ create: 0, update: 0, delete: 0 });
  }, 60_000);
});
