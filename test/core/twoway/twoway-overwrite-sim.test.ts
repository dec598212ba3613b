// Two-way "overwrite" against the simulator, with the overwritten side on EWS and on Graph: the preview lists
// every write before the first one; the master's items replace the other side's tagged copies (an edited copy is
// restored, a copy whose original is gone is deleted); the other side's own items are never touched or copied;
// a second run with nothing changed writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/core/log/logger.js';
import { runTwoWay, twoWayRuleSchema } from '../../../src/core/twoway/index.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { tempDir, writableMailboxes, writeCounts } from '../import/import-sim.js';
import { copiesOf, simSide, type SideKind } from './twoway-sim-support.js';

const NOW = new Date('2026-03-03T12:00:00Z');
let sim: RunningSimulator;
const closers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  sim = await startSimulator({ seed: 23, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()));
  await sim?.stop();
});

const add = (mailbox: string, subject: string, time = '14:00') =>
  sim.world.mutate.addEvent(mailbox, 'calendar', { subject, date: '2026-03-04', time, timeZone: 'UTC' });
const writes = () => ({ ews: writeCounts(sim, 'ews'), graph: writeCounts(sim, 'graph') });
const NO_WRITES = { create: 0, update: 0, delete: 0 };

describe.each(['ews', 'graph'] as SideKind[])('overwrite with the overwritten side on %s', (kind) => {
  it('replaces the tagged copies completely, never touches the user’s own items, then writes nothing', async () => {
    const [master, target] = writableMailboxes(sim, 4).slice(kind === 'ews' ? 0 : 2);
    const kept = add(master, 'Planning');
    const gone = add(master, 'Cancelled later', '09:00');
    const own = add(target, 'Dentist (my own)', '11:00');
    const id = `ow-${kind}`;
    const rule = twoWayRuleSchema.parse({
      id,
      a: { mailbox: master },
      b: { mailbox: target },
      master: 'a',
      mode: 'overwrite',
      window: { daysBack: 0, daysAhead: 3 },
    });
    const a = await simSide(sim, 'ews', closers);
    const b = await simSide(sim, kind, closers);
    const dir = await tempDir();
    const run = (dryRun = false) => runTwoWay(rule, { a, b, stateDir: dir, logger: nullLogger, now: () => NOW, dryRun });
    const copy = (key: string) => copiesOf(sim, target, id).filter((e) => e.sourceKey === key);
    const masterItems = [...sim.world.events.values()].filter((e) => e.mailbox === master).length;

    // The preview, before any write: creates on B only (B's own item is not copied to A), nothing written.
    sim.counters.reset();
    const preview = await run(true);
    expect(writes()).toEqual({ ews: NO_WRITES, graph: NO_WRITES });
    const plannedFirst = preview.planned!.map((p) => `${p.side} ${p.action}`);
    expect(new Set(plannedFirst)).toEqual(new Set(['b create']));
    expect(preview.planned!.map((p) => p.subject)).toEqual(expect.arrayContaining(['Planning', 'Cancelled later']));
    expect(preview.planned!.map((p) => p.subject)).not.toContain('Dentist (my own)');

    const first = await run();
    expect(first.errors).toEqual([]);
    expect(first.created).toEqual({ a: 0, b: plannedFirst.length });
    expect(copiesOf(sim, target, id)).toHaveLength(plannedFirst.length);
    expect(copy(`a:${kept.iCalUId}`)).toHaveLength(1);
    expect(copy(`a:${gone.iCalUId}`)).toHaveLength(1);

    // B edits a copy and A removes an original: the preview says so, then the copy is restored and the other deleted.
    sim.world.mutate.changeSubject(copy(`a:${kept.iCalUId}`)[0].id, 'Planning (moved by B)');
    sim.world.mutate.deleteEvent(gone.id);
    sim.world.mutate.changeSubject(own.id, 'Dentist (rescheduled)');
    const planned = await run(true);
    expect(planned.planned!.map((p) => `${p.side} ${p.action} ${p.subject}`).sort()).toEqual([
      'b delete Cancelled later',
      'b update Planning',
    ]);
    const second = await run();
    expect(second.errors).toEqual([]);
    expect({ created: second.created, updated: second.updated, deleted: second.deleted }).toEqual({
      created: { a: 0, b: 0 },
      updated: { a: 0, b: 1 },
      deleted: { a: 0, b: 1 },
    });
    expect(second.conflicts).toEqual([]);
    expect(copy(`a:${kept.iCalUId}`).map((e) => e.subject)).toEqual(['Planning']);
    expect(copy(`a:${gone.iCalUId}`)).toEqual([]);
    // The user's own item on B: untouched, and never copied to the master side.
    expect(sim.world.events.get(own.id)!.subject).toBe('Dentist (rescheduled)');
    expect(copiesOf(sim, master, id)).toEqual([]);
    expect([...sim.world.events.values()].filter((e) => e.mailbox === master)).toHaveLength(masterItems - 1);

    sim.counters.reset();
    const third = await run();
    expect(writes()).toEqual({ ews: NO_WRITES, graph: NO_WRITES });
    expect({ created: third.created, updated: third.updated, deleted: third.deleted }).toEqual({
      created: { a: 0, b: 0 },
      updated: { a: 0, b: 0 },
      deleted: { a: 0, b: 0 },
    });
  });
});
