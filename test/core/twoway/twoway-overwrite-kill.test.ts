// Two-way "overwrite" killed with SIGKILL mid-run (a CHILD PROCESS, the overwritten side on EWS and on Graph):
// some copies were written, the state was not. Re-run to completion: every master item has exactly one copy,
// the stale copy is gone, the edited copy is restored, the user's own item is untouched; a further run writes nothing.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/core/log/logger.js';
import { runTwoWay, twoWayRuleSchema } from '../../../src/core/twoway/index.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { removeBundledRunners } from '../../support/bundle-runner.js';
import { runChild, runToCompletion } from '../../support/kill-runner.js';
import type { TwoWayRunnerSpec } from '../../support/twoway-runner.js';
import { tempDir, writableMailboxes, writeCounts } from '../import/import-sim.js';
import { copiesOf, simSide, type SideKind } from './twoway-sim-support.js';

const RUNNER = join(import.meta.dirname, '..', '..', 'support', 'twoway-runner.ts');
const NOW = '2026-03-03T12:00:00Z';
const ITEMS = 40;
let sim: RunningSimulator;
const closers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  sim = await startSimulator({ seed: 29, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(async () => {
  await removeBundledRunners();
  await Promise.all(closers.map((c) => c.close()));
  await sim?.stop();
});

describe.each(['ews', 'graph'] as SideKind[])('overwrite killed mid-run, overwritten side on %s', (kind) => {
  it('re-run converges: one copy per master item, nothing else of ours, the user’s item kept', async () => {
    const [master, target] = writableMailboxes(sim, 4).slice(kind === 'ews' ? 0 : 2);
    const dir = await tempDir();
    const rule = twoWayRuleSchema.parse({
      id: `ow-kill-${kind}`,
      a: { mailbox: master },
      b: { mailbox: target },
      master: 'a',
      mode: 'overwrite',
      window: { daysBack: 0, daysAhead: 20 },
    });
    const deps = { a: await simSide(sim, 'ews', closers), b: await simSide(sim, kind, closers), logger: nullLogger };
    const stateDir = join(dir, 'state');
    // A first run in this process: copies exist; then one copy is edited and one original removed on the master side.
    const doomed = sim.world.mutate.addEvent(master, 'calendar', {
      subject: 'Dropped',
      date: '2026-03-04',
      time: '07:00',
      timeZone: 'UTC',
    });
    await runTwoWay(rule, { ...deps, stateDir, now: () => new Date(NOW) });
    const edited = copiesOf(sim, target, rule.id).find((e) => e.sourceKey !== `a:${doomed.iCalUId}`)!;
    const editedSubject = edited.subject;
    sim.world.mutate.changeSubject(edited.id, 'Edited on the target side');
    sim.world.mutate.deleteEvent(doomed.id);
    const own = sim.world.mutate.addEvent(target, 'calendar', { subject: 'My own', date: '2026-03-05', time: '08:00', timeZone: 'UTC' });
    for (let i = 0; i < ITEMS; i++)
      sim.world.mutate.addEvent(master, 'calendar', {
        subject: `Shift ${i}`,
        date: new Date(Date.UTC(2026, 2, 4 + (i % 15))).toISOString().slice(0, 10),
        time: `${String(9 + Math.floor(i / 15)).padStart(2, '0')}:30`,
        timeZone: 'UTC',
      });
    const spec = join(dir, 'spec.json');
    const runnerSpec: TwoWayRunnerSpec = {
      ewsUrl: sim.ewsUrl,
      simUrl: sim.url,
      caFile: sim.caFile!,
      stateDir,
      now: NOW,
      bKind: kind,
      chunk: 4,
      rule,
    };
    await writeFile(spec, JSON.stringify(runnerSpec));

    const killed = await runChild(spec, { afterLines: 3, delayMs: 0 }, RUNNER);
    expect(killed.stderr).toBe('');
    expect(killed.killed).toBe(true);
    const between = copiesOf(sim, target, rule.id).filter((e) => e.subject.startsWith('Shift ')).length;
    expect(between).toBeGreaterThanOrEqual(8);
    expect(between).toBeLessThan(ITEMS);

    await runToCompletion(spec, 3, RUNNER);
    // What the master has in the window, as originals, is exactly what the target has as copies: once each.
    const preview = await runTwoWay(rule, { ...deps, stateDir, now: () => new Date(NOW), dryRun: true });
    expect(preview.planned).toEqual([]);
    const copies = copiesOf(sim, target, rule.id);
    const keys = copies.map((c) => c.sourceKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(copies.filter((e) => e.subject.startsWith('Shift '))).toHaveLength(ITEMS);
    expect(keys).not.toContain(`a:${doomed.iCalUId}`);
    expect(copies.find((c) => c.id === edited.id)?.subject ?? editedSubject).toBe(editedSubject);
    expect(copies.map((c) => c.subject)).not.toContain('Edited on the target side');
    expect(sim.world.events.get(own.id)?.subject).toBe('My own');
    expect(copiesOf(sim, master, rule.id)).toEqual([]);

    sim.counters.reset();
    const again = await runChild(spec, undefined, RUNNER);
    expect(again.statuses).toEqual({ [rule.id]: 'ok' });
    expect(writeCounts(sim, 'ews')).toEqual({ create: 0, update: 0, delete: 0 });
    expect(writeCounts(sim, 'graph')).toEqual({ create: 0, update: 0, delete: 0 });
  }, 120_000);
});
