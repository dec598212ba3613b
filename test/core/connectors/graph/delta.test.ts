// syncChanges: initial round, changes after an edit and a deleted occurrence, and the expired-token path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { expireGraphDeltaTokens } from '../../../../src/sim/graph/index.js';
import { expectedEvents } from '../../../../src/sim/world/expected.js';
import { DELTA_DAYS_AHEAD, DELTA_DAYS_BACK } from '../../../../src/core/connectors/graph/operations/delta.js';
import { comparable, simGraphConnector } from './support.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 15 });
});
afterAll(async () => sim?.stop());

describe('Graph delta', () => {
  it('reads the window, then only what changed, then resyncs fully after the token expired', async () => {
    const now = new Date(`${sim.world.anchor}T12:00:00Z`);
    const { connector } = await simGraphConnector(sim, {}, { now: () => now });
    const smtp = 'alice.smith@contoso.com';
    const first = await connector.syncChanges!(smtp, 'calendar', undefined);
    const from = new Date(now.getTime() - DELTA_DAYS_BACK * 86_400_000);
    const to = new Date(now.getTime() + DELTA_DAYS_AHEAD * 86_400_000);
    const initial = first.changes.flatMap((c) => (c.kind === 'delete' ? [] : [c.event]));
    expect(comparable(initial)).toEqual(comparable(expectedEvents(sim.world, smtp, 'calendar', from, to)));
    expect(first.fullResync).toBeUndefined();

    const quiet = await connector.syncChanges!(smtp, 'calendar', first.nextState);
    expect(quiet.changes).toEqual([]);

    const single = expectedEvents(sim.world, smtp, 'calendar', from, to).find((e) => !e.seriesId)!;
    sim.world.mutate.changeSubject(single.id, 'Renamed by test');
    const occurrence = expectedEvents(sim.world, smtp, 'calendar', from, to).find((e) => e.seriesId && e.start > now.toISOString())!;
    sim.world.mutate.deleteEvent(occurrence.id);
    const second = await connector.syncChanges!(smtp, 'calendar', quiet.nextState);
    expect(second.changes.some((c) => c.kind === 'update' && c.event.subject === 'Renamed by test')).toBe(true);
    expect(second.changes).toContainEqual({ kind: 'delete', id: occurrence.id });

    expireGraphDeltaTokens(sim.world);
    const third = await connector.syncChanges!(smtp, 'calendar', second.nextState);
    expect(third.fullResync).toBe(true);
    expect(third.changes.filter((c) => c.kind === 'create')).toHaveLength(expectedEvents(sim.world, smtp, 'calendar', from, to).length);
  });
});
