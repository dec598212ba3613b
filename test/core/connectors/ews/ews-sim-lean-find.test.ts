// A server that refuses a property in FindItem which the Exchange builds we model accept (ErrorInvalidPropertyRequest):
// the connector logs it once, asks FindItem for times only from then on and reads the rest with GetItem — the
// events are the same as from a server that accepts everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalisedEvent } from '../../../../src/shared/model.js';
import { comparableEvent, expectedEvents, startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { ANCHOR, collect, simConnector } from './sim-helpers.js';

const full = (e: NormalisedEvent) => ({ ...comparableEvent(e), organizer: e.organizer, lastModified: e.lastModified });
type Keyed = { start: string; subject: string; iCalUId: string };
const order = (a: Keyed, b: Keyed) => (a.start + a.subject + a.iCalUId).localeCompare(b.start + b.subject + b.iCalUId);

describe('FindItem refusing a property', () => {
  let sim: RunningSimulator;
  const schema = recordEwsRequestsForSchema();
  const day = (n: number) => new Date(Date.parse(sim.world.anchor) + n * 86_400_000);
  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, anchor: ANCHOR });
    sim.faults.findItemRefuses = ['calendar:OriginalStart'];
  });
  afterAll(async () => sim?.stop());

  it('falls back to times-only FindItem + GetItem once, with a warning, and exports the same events', async () => {
    const bodies: string[] = [];
    const { connector, logger } = simConnector(
      sim,
      {},
      { recorder: (r) => (schema.recorder(r), r.operation === 'FindItem' && bodies.push(r.body)) },
    );
    for (const mailbox of ['anna.schmidt@contoso.com', 'jan.devries@contoso.com']) {
      const got = await collect(connector.calendarView(mailbox, 'calendar', day(-30), day(30), { includeAttendees: false }));
      const want = expectedEvents(sim.world, mailbox, 'calendar', day(-30), day(30));
      expect(got.length).toBeGreaterThan(5);
      expect(got.map(full).sort(order)).toEqual(want.map(full).sort(order));
      expect(got.filter((e) => e.originalStart).every((e) => e.seriesId)).toBe(true);
    }
    // The refused request once; every later FindItem asks for Start and End only.
    expect(bodies[0]).toContain('calendar:OriginalStart');
    expect(bodies.slice(1).length).toBeGreaterThanOrEqual(2);
    expect(bodies.slice(1).every((b) => !b.includes('calendar:OriginalStart') && !b.includes('item:Subject'))).toBe(true);
    expect(logger.records.filter((r) => r.event === 'ews.findItem.propertiesRefused')).toHaveLength(1);
    await connector.close();
  });
});
