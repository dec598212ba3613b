// runTwoWayJob when one side misbehaves (alice and bob on EWS in the simulator): a side whose reading fails is
// the one blamed in the record while nothing is written and the state stays; a side whose write batch throws
// fails its own items only — the other side's writes reach the state, and the next run finishes the job
// without duplicates.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsConnector } from '../../../src/core/connectors/ews/index.js';
import type { CalendarWriter } from '../../../src/core/connectors/writer.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { twoWayRuleSchema, type TwoWaySide } from '../../../src/core/twoway/index.js';
import { runTwoWayJob, type TwoWayJobHost } from '../../../src/core/twoway/run-twoway-job.js';
import { statePath } from '../../../src/core/twoway/twoway-state.js';
import { jobSchema } from '../../../src/shared/job.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { ewsSimProfile, secrets, simWriter, tempDir } from '../import/import-sim.js';
import { readJson } from '../../support/typed-json.js';

const ALICE = 'alice.smith@contoso.com';
const BOB = 'bob.jones@contoso.com';
const NOW = new Date('2026-03-03T12:00:00Z');
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: 31, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 0, latencyMs: 0 });
});
afterAll(async () => {
  await sim?.stop();
});

type Break = { readBob?: boolean; writeBob?: boolean };

async function host(id: string, stateDir: string, broken: Break): Promise<TwoWayJobHost> {
  const rule = twoWayRuleSchema.parse({
    id,
    a: { profile: 'alice', mailbox: ALICE },
    b: { profile: 'bob', mailbox: BOB },
    master: 'a',
    window: { daysBack: 0, daysAhead: 3 },
  });
  return {
    stateDir,
    get: async () => rule,
    async openSide(profile): Promise<TwoWaySide> {
      const writer = await simWriter(sim, 'ews');
      const connector = createEwsConnector(ewsSimProfile(sim), { secrets, logger: nullLogger });
      if (profile !== 'bob') return { connector, writer };
      const fail = () => new CalpumpError('net.unreachable', { params: { url: 'bob' } });
      const badWriter: CalendarWriter = {
        kind: writer.kind,
        maxBatch: writer.maxBatch,
        listOwned: (...a) => writer.listOwned(...a),
        upsert: async (...a) => (broken.writeBob ? Promise.reject(fail()) : writer.upsert(...a)),
        delete: async (...a) => (broken.writeBob ? Promise.reject(fail()) : writer.delete(...a)),
        close: () => writer.close(),
      };
      const badConnector = new Proxy(connector, {
        get(t, p) {
          if (p === 'calendarView' && broken.readBob)
            return () =>
              (async function* () {
                throw fail();
              })();
          const v = Reflect.get(t, p, t) as unknown;
          return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(t) : v;
        },
      });
      return { connector: badConnector, writer: badWriter };
    },
  };
}

const job = (id: string) =>
  jobSchema.parse({ id: `job-${id}`, type: 'twoway', twoway: { ruleId: id }, name: `Two-way ${id}`, profile: 'alice' });

describe('runTwoWayJob with one failing side', () => {
  it('a side that cannot be read is blamed alone; nothing is written and the state stays', async () => {
    const dir = await tempDir();
    const broken: Break = {};
    const h = await host('read-fail', dir, broken);
    await runTwoWayJob(job('read-fail'), { twoWay: h, logger: nullLogger, now: () => NOW });
    const stateBefore = await readFile(statePath(dir, 'read-fail'), 'utf8');
    sim.world.mutate.addEvent(ALICE, 'calendar', { subject: 'Not yet', date: '2026-03-05', time: '09:00', timeZone: 'UTC' });
    broken.readBob = true;
    const r = await runTwoWayJob(job('read-fail'), { twoWay: h, logger: nullLogger, now: () => NOW });
    expect(r.record).toMatchObject({ status: 'partial', mailboxesOk: 1, mailboxesFailed: 1, itemsWritten: 0 });
    expect(r.folders.map((f) => [f.mailbox, f.ok, f.error?.id])).toEqual([
      [ALICE, true, undefined],
      [BOB, false, 'net.unreachable'],
    ]);
    expect(await readFile(statePath(dir, 'read-fail'), 'utf8')).toBe(stateBefore);
  });

  it("a side whose writes throw fails its items only; the other side's writes are kept and the next run completes", async () => {
    const dir = await tempDir();
    sim.world.mutate.addEvent(ALICE, 'calendar', { subject: 'Alice to Bob', date: '2026-03-05', time: '11:00', timeZone: 'UTC' });
    const fromBob = sim.world.mutate.addEvent(BOB, 'calendar', {
      subject: 'Bob to Alice',
      date: '2026-03-05',
      time: '13:00',
      timeZone: 'UTC',
    });
    const broken: Break = { writeBob: true };
    const h = await host('write-fail', dir, broken);
    const copiesOnAlice = () =>
      [...sim.world.events.values()].filter((e) => e.mailbox === ALICE && e.extendedProperties.some((p) => p.value === 'write-fail'));
    const r = await runTwoWayJob(job('write-fail'), { twoWay: h, logger: nullLogger, now: () => NOW });
    expect(r.record.status).toBe('partial');
    expect(r.folders[0]).toMatchObject({ mailbox: ALICE, ok: true });
    expect(r.folders[0].upserts).toBeGreaterThan(0);
    expect(r.folders[1]).toMatchObject({ mailbox: BOB, ok: false, upserts: 0, error: { id: 'net.unreachable' } });
    const onAlice = copiesOnAlice().length;
    expect(copiesOnAlice().some((e) => e.subject === fromBob.subject)).toBe(true);
    const state = await readJson<{ pairs: Record<string, unknown> }>(statePath(dir, 'write-fail'));
    expect(state.pairs[`b:${fromBob.iCalUId}`]).toBeDefined();

    broken.writeBob = false;
    const again = await runTwoWayJob(job('write-fail'), { twoWay: h, logger: nullLogger, now: () => NOW });
    expect(again.record.status).toBe('ok');
    expect(again.folders[0].upserts).toBe(0);
    expect(again.folders[1].upserts).toBeGreaterThan(0);
    expect(copiesOnAlice()).toHaveLength(onAlice);
    const third = await runTwoWayJob(job('write-fail'), { twoWay: h, logger: nullLogger, now: () => NOW });
    expect(third.record.itemsWritten).toBe(0);
  });
});
