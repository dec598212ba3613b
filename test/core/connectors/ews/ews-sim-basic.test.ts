import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableEvent, expectedEvents, startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { ANCHOR, collect, simConnector } from './sim-helpers.js';

describe('EWS connector against the simulator (Basic, impersonation)', () => {
  let sim: RunningSimulator;
  const schema = recordEwsRequestsForSchema();
  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, anchor: ANCHOR });
  });
  afterAll(async () => sim?.stop());

  it("reads anna's calendar window equal to the expected events", async () => {
    const { connector } = simConnector(sim, {}, { recorder: schema.recorder });
    const from = new Date(Date.parse(sim.world.anchor) - 21 * 86_400_000);
    const to = new Date(Date.parse(sim.world.anchor) + 21 * 86_400_000);
    const got = await collect(connector.calendarView('anna.schmidt', 'calendar', from, to));
    const want = expectedEvents(sim.world, 'anna.schmidt@contoso.com', 'calendar', from, to);
    const sort = (a: ReturnType<typeof comparableEvent>, b: ReturnType<typeof comparableEvent>) =>
      (a.start + a.subject).localeCompare(b.start + b.subject);
    expect(got.map(comparableEvent).sort(sort)).toEqual(want.map(comparableEvent).sort(sort));
    await connector.close();
  });
});
