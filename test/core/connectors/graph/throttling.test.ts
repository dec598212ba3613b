// Under injected 429/503s (also inside $batch: each member waits its own Retry-After) a run still returns complete output, waits what Retry-After
// asks, and never has more than 4 requests in flight per mailbox. Sleep is injected, so the test is fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { expectedEvents } from '../../../../src/sim/world/expected.js';
import type { GraphTransport } from '../../../../src/core/connectors/graph/transport.js';
import { collect, comparable, simGraphConnector } from './support.js';

let sim: RunningSimulator;
let from: Date;
let to: Date;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 40 });
  from = new Date(Date.parse(`${sim.world.anchor}T00:00:00Z`) - 14 * 86_400_000);
  to = new Date(Date.parse(`${sim.world.anchor}T00:00:00Z`) + 90 * 86_400_000);
});
afterAll(async () => sim?.stop());

describe('throttling', () => {
  it('finishes with complete output under 429s and 503s and honours Retry-After', async () => {
    const waits: number[] = [];
    const { connector, logText } = await simGraphConnector(sim, {}, { sleep: async (ms) => void waits.push(ms), random: () => 0 });
    sim.faults.clear();
    sim.faults.stage({ kind: 'throttle429', match: 'Graph:calendarView', times: 3, backOffMs: 7000 });
    sim.faults.stage({ kind: 'http503', match: 'Graph:calendarView', times: 1, backOffMs: 2000 });
    const got = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to));
    expect(comparable(got)).toEqual(comparable(expectedEvents(sim.world, 'anna.schmidt@contoso.com', 'calendar', from, to)));
    expect(sim.faults.pending()).toEqual([]);
    expect(sim.faults.delivered.throttle429).toBeGreaterThanOrEqual(3);
    expect(waits.filter((w) => w === 7000)).toHaveLength(3);
    expect(waits).toContain(2000);
    expect(logText()).toContain('graph.throttled');
  });

  it('a throttled $batch member (delta rounds of many mailboxes) waits its own Retry-After; the others do not', async () => {
    const waits: number[] = [];
    const { connector } = await simGraphConnector(sim, {}, { sleep: async (ms) => void waits.push(ms), random: () => 0 });
    const mailboxes = ['alice.smith@contoso.com', 'anna.schmidt@contoso.com', 'jan.devries@contoso.com'];
    const first = await connector.syncChangesMany!(
      mailboxes.map((mailbox) => ({ mailbox, folderId: 'calendar', state: undefined })),
      { idsOnly: true },
    );
    sim.faults.clear();
    sim.faults.stage({ kind: 'throttle429', match: 'Graph:calendarViewDelta', times: 2, backOffMs: 5000 });
    sim.counters.reset();
    const again = await connector.syncChangesMany!(
      mailboxes.map((mailbox, i) => ({ mailbox, folderId: 'calendar', state: (first[i] as { nextState: string }).nextState })),
      { idsOnly: true },
    );
    expect(again.map((r) => (r as { changeIds: unknown[] }).changeIds)).toEqual([[], [], []]);
    expect(sim.faults.pending()).toEqual([]);
    expect(waits).toEqual([5000]);
    // One $batch with all three, then one with the two throttled members.
    expect(sim.counters.operation('Graph:$batch')).toBe(2);
  });

  it('gives up after the attempt limit with graph.throttled naming the operation', async () => {
    const { connector } = await simGraphConnector(sim, {}, { sleep: async () => undefined });
    sim.faults.clear();
    sim.faults.stage({ kind: 'throttle429', match: 'Graph:calendarView', times: 50, backOffMs: 1000 });
    const err = await collect(connector.calendarView('alice.smith@contoso.com', 'calendar', from, to)).then(
      () => undefined,
      (e: { id: string; render(): { message: string } }) => e,
    );
    sim.faults.clear();
    expect(err?.id).toBe('graph.throttled');
    expect(err?.render().message).toContain('calendarView');
    expect(err?.render().message).toContain('8 times');
  });

  it('keeps at most 4 requests in flight per mailbox', async () => {
    let transport: GraphTransport | undefined;
    const { connector } = await simGraphConnector(sim, {}, { onTransport: (t) => (transport = t) });
    sim.faults.clear();
    sim.faults.latencyMs = 30;
    try {
      const runs = Array.from({ length: 10 }, () => collect(connector.calendarView('jan.devries@contoso.com', 'calendar', from, to)));
      const results = await Promise.all(runs);
      expect(new Set(results.map((r) => r.length)).size).toBe(1);
    } finally {
      sim.faults.latencyMs = 0;
    }
    expect(transport!.peak.get('jan.devries@contoso.com')).toBe(4);
  });

  it('gets a fresh token once when Graph says the token expired', async () => {
    const { connector } = await simGraphConnector(sim);
    sim.faults.clear();
    const tokensBefore = sim.counters.operation('OAuth:token');
    await collect(connector.calendarView('alice.smith@contoso.com', 'calendar', from, to));
    sim.faults.stage({ kind: 'tokenExpired', match: 'Graph:calendarView', times: 1 });
    const got = await collect(connector.calendarView('alice.smith@contoso.com', 'calendar', from, to));
    expect(got.length).toBe(expectedEvents(sim.world, 'alice.smith@contoso.com', 'calendar', from, to).length);
    expect(sim.counters.operation('OAuth:token') - tokensBefore).toBe(2);
  });
});

describe('random faults', () => {
  it('survives a 25% fault rate (429, 503, connection resets, cut-off bodies) with complete output', async () => {
    const { connector } = await simGraphConnector(sim, {}, { sleep: async () => undefined });
    sim.faults.clear();
    const before = JSON.stringify(sim.faults.delivered);
    sim.faults.faultRate = 0.25;
    try {
      const scoped = [...sim.world.mailboxes.keys()].filter((m) => !sim.world.impersonationExcluded.includes(m));
      for (const smtp of scoped) {
        const got = await collect(connector.calendarView(smtp, 'calendar', from, to));
        expect(comparable(got)).toEqual(comparable(expectedEvents(sim.world, smtp, 'calendar', from, to)));
      }
    } finally {
      sim.faults.faultRate = 0;
    }
    expect(JSON.stringify(sim.faults.delivered)).not.toBe(before);
  });
});
