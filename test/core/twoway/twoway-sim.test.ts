// Two-way rules against the simulator (alice's and bob's calendars through EWS; one rule with bob on Graph):
// first run mirrors both ways, a second run writes nothing, changes and deletions flow per the flags, conflicts
// go to the master side and are logged with both versions, and a lost state file makes no duplicates.
import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/core/log/logger.js';
import { runTwoWay, twoWayRuleSchema, type ConflictEntry, type TwoWayRuleInput } from '../../../src/core/twoway/index.js';
import { conflictLogPath, statePath } from '../../../src/core/twoway/twoway-state.js';
import { expectedEvents, startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { eventKey } from '../../../src/shared/model.js';
import type { SimEvent } from '../../../src/sim/world/types.js';
import { tempDir, writeCounts } from '../import/import-sim.js';
import { copiesOf, simSide, tagOf, type SideKind } from './twoway-sim-support.js';

const ALICE = 'alice.smith@contoso.com';
const BOB = 'bob.jones@contoso.com';
const NOW = new Date('2026-03-03T12:00:00Z');
let sim: RunningSimulator;
const closers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  sim = await startSimulator({ seed: 21, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()));
  await sim?.stop();
});

const side = (kind: SideKind) => simSide(sim, kind, closers);
const copiesIn = (mailbox: string, scope: string) => copiesOf(sim, mailbox, scope);
const copyOf = (mailbox: string, scope: string, sourceKey: string) => copiesIn(mailbox, scope).find((e) => e.sourceKey === sourceKey);

/** A timed single item of the mailbox inside the window that two-way mirrors. */
function single(mailbox: string, subject: string): SimEvent {
  return sim.world.mutate.addEvent(mailbox, 'calendar', { subject, date: '2026-03-05', time: '14:00', timeZone: 'UTC' });
}

async function setup(id: string, over: Partial<TwoWayRuleInput> = {}, bKind: 'ews' | 'graph' = 'ews') {
  const dir = await tempDir();
  const rule = twoWayRuleSchema.parse({
    id,
    a: { mailbox: ALICE },
    b: { mailbox: BOB },
    master: 'a',
    window: { daysBack: 0, daysAhead: 3 },
    ...over,
  });
  const deps = { a: await side('ews'), b: await side(bKind), stateDir: dir, logger: nullLogger, now: () => NOW };
  return { rule, dir, run: () => runTwoWay(rule, deps) };
}

function mirroredCount(mailbox: string): number {
  const from = NOW;
  const to = new Date(NOW.getTime() + 3 * 86_400_000);
  return expectedEvents(sim.world, mailbox, 'calendar', from, to).filter((e) => !e.isCancelled && e.sensitivity !== 'private').length;
}

describe('two-way against the simulator', () => {
  it('mirrors both ways, then writes nothing; changes and deletions flow; user items are the originals', async () => {
    const aOnly = single(ALICE, 'Alice planning');
    const { run } = await setup('mirror');
    const expectA = mirroredCount(ALICE);
    const expectB = mirroredCount(BOB);
    const first = await run();
    expect(first.errors).toEqual([]);
    expect(first.created).toEqual({ a: expectB, b: expectA });
    expect(copiesIn(BOB, 'mirror')).toHaveLength(expectA);

    sim.counters.reset();
    const second = await run();
    expect(second.created).toEqual({ a: 0, b: 0 });
    expect(second.updated).toEqual({ a: 0, b: 0 });
    expect(second.deleted).toEqual({ a: 0, b: 0 });
    expect(writeCounts(sim, 'ews')).toEqual({ create: 0, update: 0, delete: 0 });

    const key = `a:${aOnly.iCalUId}`;
    sim.world.mutate.changeSubject(aOnly.id, 'Alice planning (moved room)');
    const third = await run();
    expect(third.updated).toEqual({ a: 0, b: 1 });
    expect(copyOf(BOB, 'mirror', key)!.subject).toBe('Alice planning (moved room)');

    // Bob edits his copy: the change reaches alice's original (only the fields a person edits).
    const copy = copyOf(BOB, 'mirror', key)!;
    sim.world.mutate.moveEvent(copy.id, '2026-03-05T15:00:00Z', '2026-03-05T16:00:00Z');
    const fourth = await run();
    expect(fourth.updated).toEqual({ a: 1, b: 0 });
    expect(sim.world.events.get(aOnly.id)).toMatchObject({
      start: '2026-03-05T15:00:00.000Z',
      end: '2026-03-05T16:00:00.000Z',
      subject: 'Alice planning (moved room)',
    });
    expect(tagOf(sim.world.events.get(aOnly.id)!, 'sourceKey')).toBeUndefined();

    sim.world.mutate.deleteEvent(aOnly.id);
    const fifth = await run();
    expect(fifth.deleted).toEqual({ a: 0, b: 1 });
    expect(copyOf(BOB, 'mirror', key)).toBeUndefined();
    expect(sim.world.outbox).toEqual([]);
  });

  it.each(['a', 'b'] as const)('a conflict goes to master %s and is logged with both versions', async (master) => {
    const original = single(ALICE, `Conflict ${master}`);
    const { run, dir, rule } = await setup(`conflict-${master}`, { master });
    await run();
    const key = `a:${original.iCalUId}`;
    sim.world.mutate.changeSubject(original.id, 'Version A');
    sim.world.mutate.changeSubject(copyOf(BOB, rule.id, key)!.id, 'Version B');
    const r = await run();
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ key, master, winner: master, a: { subject: 'Version A' }, b: { subject: 'Version B' } });
    const winner = master === 'a' ? 'Version A' : 'Version B';
    expect(sim.world.events.get(original.id)!.subject).toBe(winner);
    expect(copyOf(BOB, rule.id, key)!.subject).toBe(winner);
    const logged = (await readFile(conflictLogPath(dir, rule.id), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ConflictEntry);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ a: { subject: 'Version A' }, b: { subject: 'Version B' }, winner: master });
    expect((await run()).conflicts).toEqual([]);
  });

  it("propagation flags: no create and no delete A→B (alice deleting bob's item leaves bob's original)", async () => {
    const fromA = single(ALICE, 'Not to be copied');
    const fromB = single(BOB, 'Bob only');
    const { run, rule } = await setup('flags', { propagate: { aToB: { create: false, delete: false } } });
    await run();
    expect(copyOf(BOB, rule.id, `a:${fromA.iCalUId}`)).toBeUndefined();
    const copyOnA = copyOf(ALICE, rule.id, `b:${fromB.iCalUId}`)!;
    expect(copyOnA.subject).toBe('Bob only');
    // Alice deletes bob's item from her calendar: A→B delete is off, so bob keeps it and it is not re-created.
    sim.world.mutate.deleteEvent(copyOnA.id);
    const r = await run();
    expect(r.deleted).toEqual({ a: 0, b: 0 });
    expect(sim.world.events.get(fromB.id)).toBeDefined();
    expect(copyOf(ALICE, rule.id, `b:${fromB.iCalUId}`)).toBeUndefined();
    expect((await run()).created).toEqual({ a: 0, b: 0 });
  });

  it('an edited copy of an occurrence changes only that occurrence of the original series', async () => {
    const { run, rule } = await setup('occurrence');
    await run();
    const standups = copiesIn(BOB, rule.id).filter((e) => e.subject === 'Daily standup');
    expect(standups.length).toBeGreaterThan(1);
    const target = standups.sort((x, y) => x.start.localeCompare(y.start))[0];
    sim.world.mutate.changeSubject(target.id, 'Daily standup (in the lab)');
    const r = await run();
    expect(r.errors).toEqual([]);
    expect(r.updated).toEqual({ a: 1, b: 0 });
    const master = [...sim.world.events.values()].find((e) => e.mailbox === ALICE && e.subject === 'Daily standup' && e.recurrence)!;
    const exceptions = Object.values(master.exceptions).filter((x) => x.subject === 'Daily standup (in the lab)');
    expect(exceptions).toHaveLength(1);
    expect((await run()).updated).toEqual({ a: 0, b: 0 });
  });

  it('a lost state file pairs copies again: no duplicates, no writes', async () => {
    single(ALICE, 'State loss');
    const { run, dir, rule } = await setup('lost');
    await run();
    const before = copiesIn(BOB, 'lost').length;
    await rm(statePath(dir, rule.id));
    sim.counters.reset();
    const r = await run();
    expect(r.created).toEqual({ a: 0, b: 0 });
    expect(writeCounts(sim, 'ews')).toEqual({ create: 0, update: 0, delete: 0 });
    expect(copiesIn(BOB, 'lost')).toHaveLength(before);
  });

  it('works across backends (alice on EWS ↔ bob on Graph)', async () => {
    const original = single(ALICE, 'Cross-backend');
    const { run, rule } = await setup('cross', {}, 'graph');
    const first = await run();
    expect(first.errors).toEqual([]);
    expect(copyOf(BOB, rule.id, `a:${eventKey({ iCalUId: original.iCalUId })}`)!.subject).toBe('Cross-backend');
    const second = await run();
    expect(second.created).toEqual({ a: 0, b: 0 });
    expect(second.updated).toEqual({ a: 0, b: 0 });
    expect(second.conflicts).toEqual([]);
  });
});
