// A stored job of type 'twoway' through the executor against the simulator (alice on EWS ↔ bob on Graph, each
// side's profile named by the saved rule): a scheduled run creates per the rule, a second run is a no-op counted
// by the simulator, modifications and deletions flow per the propagation flags, a dry run only counts, a conflict
// is logged with both versions, and a side that cannot be opened fails alone while the rule's state is kept.
import { readFile } from 'node:fs/promises';
import { rendered } from '../../support/rendered.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEwsConnector } from '../../../src/core/connectors/ews/index.js';
import { createGraphConnector } from '../../../src/core/connectors/graph/index.js';
import { CALPUMP_PROPERTY_SET_ID } from '../../../src/core/connectors/writer.js';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { createJobExecutor } from '../../../src/core/scheduler/job-executor.js';
import { RunHistory } from '../../../src/core/store/run-history.js';
import { twoWayRuleSchema, type TwoWayRule, type TwoWayRuleInput } from '../../../src/core/twoway/index.js';
import { statePath } from '../../../src/core/twoway/twoway-state.js';
import type { PumpEvent } from '../../../src/shared/job.js';
import type { Profile } from '../../../src/shared/profile.js';
import { expectedEvents, startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import type { SimEvent } from '../../../src/sim/world/types.js';
import { ewsSimProfile, graphSimProfile, secrets, simWriter, tempDir, writeCounts } from '../import/import-sim.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';

const ALICE = 'alice.smith@contoso.com';
const BOB = 'bob.jones@contoso.com';
const NOW = '2026-03-03T12:00:00.000Z';
let sim: RunningSimulator;
let h: Harness;
let stateDir: string;
const rules = new Map<string, TwoWayRule>();

beforeAll(async () => {
  sim = await startSimulator({ seed: 23, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 0, latencyMs: 0 });
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(async () => {
  h = await createHarness(NOW);
  stateDir = await tempDir();
});
afterEach(async () => {
  await h.cleanup();
});

const SOURCE_KEY = `${CALPUMP_PROPERTY_SET_ID}:CalpumpSourceKey:String`.toLowerCase();
const SCOPE_KEY = `${CALPUMP_PROPERTY_SET_ID}:CalpumpScope:String`.toLowerCase();
const tag = (ev: SimEvent, key: string) => ev.extendedProperties.find((p) => p.key.toLowerCase() === key)?.value;
const copiesIn = (mailbox: string, scope: string) =>
  [...sim.world.events.values()].filter((e) => e.mailbox === mailbox && tag(e, SCOPE_KEY) === scope);
const copyOf = (mailbox: string, scope: string, sourceKey: string) =>
  copiesIn(mailbox, scope).find((e) => tag(e, SOURCE_KEY) === sourceKey);
const single = (mailbox: string, subject: string) =>
  sim.world.mutate.addEvent(mailbox, 'calendar', { subject, date: '2026-03-05', time: '14:00', timeZone: 'UTC' });
const writes = () => ({ ews: writeCounts(sim, 'ews'), graph: writeCounts(sim, 'graph') });
const NO_WRITES = { ews: { create: 0, update: 0, delete: 0 }, graph: { create: 0, update: 0, delete: 0 } };

function mirroredCount(mailbox: string): number {
  const from = new Date(NOW);
  return expectedEvents(sim.world, mailbox, 'calendar', from, new Date(from.getTime() + 3 * 86_400_000)).filter(
    (e) => !e.isCancelled && e.sensitivity !== 'private',
  ).length;
}

function saveRule(id: string, over: Partial<TwoWayRuleInput> = {}): TwoWayRule {
  const rule = twoWayRuleSchema.parse({
    id,
    a: { profile: 'sim-ews', mailbox: ALICE },
    b: { profile: 'sim-graph', mailbox: BOB },
    master: 'a',
    window: { daysBack: 0, daysAhead: 3 },
    ...over,
  });
  rules.set(id, rule);
  return rule;
}

function executor(history = new RunHistory(h.dir)) {
  const profiles: Record<string, Profile> = { 'sim-ews': ewsSimProfile(sim), 'sim-graph': graphSimProfile(sim) };
  return createJobExecutor({
    profiles: {
      get: async (name) => {
        const p = profiles[name];
        if (!p) throw new CalpumpError('input.invalid', { params: { field: 'profile', problem: `no profile "${name}"` } });
        return p;
      },
    },
    connectorFor: (p) =>
      p.kind === 'ews' ? createEwsConnector(p, { secrets, logger: nullLogger }) : createGraphConnector(p, { secrets, logger: nullLogger }),
    writerFor: (p) => simWriter(sim, p.kind === 'ews' ? 'ews' : 'graph'),
    states: h.states,
    secrets: h.secrets,
    history,
    logger: h.logger,
    now: () => h.clock.now,
    twoWayRules: {
      get: async (id) => {
        const r = rules.get(id);
        if (!r) throw new CalpumpError('twoway.rule.notFound', { params: { id, known: [...rules.keys()].join(', ') } });
        return r;
      },
      stateDir,
    },
  });
}

const twoWayJob = (ruleId: string, over: Record<string, unknown> = {}) =>
  h.job({
    id: `job-${ruleId}`,
    name: `Two-way ${ruleId}`,
    type: 'twoway',
    twoway: { ruleId },
    profile: 'sim-ews',
    schedule: { kind: 'interval', minutes: 15 },
    ...over,
  });

describe('twoway job type', () => {
  it('a scheduled run mirrors both ways with one result per side; a second run writes nothing; changes and deletions flow', async () => {
    const fromAlice = single(ALICE, 'Alice planning');
    saveRule('sched');
    const job = twoWayJob('sched');
    const history = new RunHistory(h.dir);
    const run = executor(history);
    const events: PumpEvent[] = [];
    const expectOnB = mirroredCount(ALICE);
    const expectOnA = mirroredCount(BOB);

    const first = await run(job, { trigger: 'schedule', onEvent: (e) => events.push(e) });
    expect(first.record).toMatchObject({
      status: 'ok',
      mailboxesOk: 2,
      mailboxesFailed: 0,
      itemsWritten: expectOnA + expectOnB,
      trigger: 'schedule',
    });
    expect(first.folders).toEqual([
      { mailbox: ALICE, folder: 'calendar', ok: true, items: expectOnA, upserts: expectOnA, deletes: 0 },
      { mailbox: BOB, folder: 'calendar', ok: true, items: expectOnB, upserts: expectOnB, deletes: 0 },
    ]);
    expect(copiesIn(BOB, 'sched')).toHaveLength(expectOnB);
    expect(events.filter((e) => e.type === 'mailbox.progress')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: 'job.finished', record: first.record });

    sim.counters.reset();
    const second = await run(job, { trigger: 'schedule' });
    expect(second.record).toMatchObject({ status: 'ok', itemsWritten: 0 });
    expect(writes()).toEqual(NO_WRITES);

    const key = `a:${fromAlice.iCalUId}`;
    sim.world.mutate.changeSubject(fromAlice.id, 'Alice planning (room 2)');
    const third = await run(job, { trigger: 'schedule' });
    expect(third.folders.map((f) => [f.upserts, f.deletes])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(copyOf(BOB, 'sched', key)!.subject).toBe('Alice planning (room 2)');

    sim.world.mutate.deleteEvent(fromAlice.id);
    const fourth = await run(job, { trigger: 'schedule' });
    expect(fourth.folders.map((f) => [f.upserts, f.deletes])).toEqual([
      [0, 0],
      [0, 1],
    ]);
    expect(copyOf(BOB, 'sched', key)).toBeUndefined();
    expect((await history.list(job.id, 10)).map((r) => r.itemsWritten)).toEqual([1, 1, 0, expectOnA + expectOnB]);
  });

  it("follows the rule's propagation flags (B→A create off: bob's new item stays on his side)", async () => {
    saveRule('flags', { propagate: { bToA: { create: false } } });
    const job = twoWayJob('flags');
    const run = executor();
    await run(job, { trigger: 'schedule' });
    const fromBob = single(BOB, 'Bob private plan');
    const fromAlice = single(ALICE, 'Alice offsite');
    const r = await run(job, { trigger: 'schedule' });
    expect(r.folders.map((f) => f.upserts)).toEqual([0, 1]);
    expect(copyOf(ALICE, 'flags', `b:${fromBob.iCalUId}`)).toBeUndefined();
    expect(copyOf(BOB, 'flags', `a:${fromAlice.iCalUId}`)!.subject).toBe('Alice offsite');
  });

  it('a dry run counts what would propagate per side and writes nothing (no history, no state)', async () => {
    saveRule('dry');
    const job = twoWayJob('dry');
    const history = new RunHistory(h.dir);
    const run = executor(history);
    await run(job, { trigger: 'manual' });
    const added = single(ALICE, 'Dry run item');
    const stateBefore = await readFile(statePath(stateDir, 'dry'), 'utf8');
    sim.counters.reset();
    const dry = await run(job, { trigger: 'cli', dryRun: true });
    expect(dry.record).toMatchObject({ status: 'ok', dryRun: true, itemsWritten: 0 });
    expect(dry.folders.map((f) => [f.mailbox, f.upserts, f.deletes])).toEqual([
      [ALICE, 0, 0],
      [BOB, 1, 0],
    ]);
    expect(h.logs.find((l) => l.event === 'twoway.wouldWrite')?.fields).toMatchObject({
      side: 'b',
      mailbox: BOB,
      action: 'create',
      subject: 'Dry run item',
    });
    expect(writes()).toEqual(NO_WRITES);
    expect(copyOf(BOB, 'dry', `a:${added.iCalUId}`)).toBeUndefined();
    expect(await readFile(statePath(stateDir, 'dry'), 'utf8')).toBe(stateBefore);
    expect(await history.list(job.id, 10)).toHaveLength(1);
    const real = await run(job, { trigger: 'manual' });
    expect(real.record.itemsWritten).toBe(1);
  });

  it('logs a conflict with both versions, the master side wins, and the run stays ok', async () => {
    const original = single(ALICE, 'Conflict me');
    saveRule('conflict', { master: 'b' });
    const job = twoWayJob('conflict');
    const run = executor();
    await run(job, { trigger: 'schedule' });
    const key = `a:${original.iCalUId}`;
    sim.world.mutate.changeSubject(original.id, 'Version A');
    sim.world.mutate.changeSubject(copyOf(BOB, 'conflict', key)!.id, 'Version B');
    const r = await run(job, { trigger: 'schedule' });
    expect(r.record.status).toBe('ok');
    expect(h.logs.find((l) => l.event === 'twoway.conflict')?.fields).toMatchObject({
      key,
      winner: 'b',
      a: { subject: 'Version A' },
      b: { subject: 'Version B' },
    });
    expect(h.logs.find((l) => l.event === 'twoway.job.conflicts')?.fields).toMatchObject({ count: 1, keys: [key] });
    expect(sim.world.events.get(original.id)!.subject).toBe('Version B');
  });

  it("a side that cannot be opened fails alone in the record; the rule's state is kept", async () => {
    saveRule('broken');
    const job = twoWayJob('broken');
    await executor()(job, { trigger: 'schedule' });
    const stateBefore = await readFile(statePath(stateDir, 'broken'), 'utf8');
    saveRule('broken', { b: { profile: 'gone', mailbox: BOB } });
    const r = await executor()(job, { trigger: 'schedule' });
    expect(r.record).toMatchObject({ status: 'partial', mailboxesOk: 1, mailboxesFailed: 1, itemsWritten: 0 });
    expect(r.folders[0]).toMatchObject({ mailbox: ALICE, ok: true });
    expect(r.folders[1]).toMatchObject({ mailbox: BOB, ok: false, error: { id: 'input.invalid' } });
    expect(rendered(r.folders[1].error).message).toContain('gone');
    expect(await readFile(statePath(stateDir, 'broken'), 'utf8')).toBe(stateBefore);
  });

  it('a job whose rule was not found fails with the catalogue entry naming the rule', async () => {
    const r = await executor()(twoWayJob('missing'), { trigger: 'schedule' });
    expect(r.record.status).toBe('failed');
    expect(r.record.errors[0].error).toMatchObject({ id: 'twoway.rule.notFound' });
    expect(rendered(r.record.errors[0].error).message).toContain('missing');
    await expect(readFile(statePath(stateDir, 'missing'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
