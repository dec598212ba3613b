// The native read path against the simulator: full events equal the truth (attendees, zones, organizers as
// SMTP, last-modified), attendee-free reads cost one FindItem per page, and sync can return ids only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HttpClient } from '../../../../src/core/net/http-client.js';
import type { NormalisedEvent } from '../../../../src/shared/model.js';
import { comparableEvent, expectedEvents, startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { ANCHOR, collect, simConnector } from './sim-helpers.js';

// timeZone is left out: Windows zone ids map to one IANA zone each (W. Europe → Europe/Berlin, also for Amsterdam).
const full = (e: NormalisedEvent) => ({
  ...comparableEvent(e),
  organizer: e.organizer,
  lastModified: e.lastModified,
  attendees: e.attendees ? [...e.attendees].sort((a, b) => `${a.type}${a.email}`.localeCompare(`${b.type}${b.email}`)) : undefined,
});
const order = (a: { start: string; subject: string; iCalUId: string }, b: { start: string; subject: string; iCalUId: string }) =>
  (a.start + a.subject + a.iCalUId).localeCompare(b.start + b.subject + b.iCalUId);

describe('EWS native calendar read against the simulator', () => {
  let sim: RunningSimulator;
  const schema = recordEwsRequestsForSchema();
  const day = (n: number) => new Date(Date.parse(sim.world.anchor) + n * 86_400_000);
  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, anchor: ANCHOR });
  });
  afterAll(async () => sim?.stop());

  it('with attendees: every field equals the truth, one FindItem per page for a 400-day window', async () => {
    const { connector } = simConnector(sim, {}, { recorder: schema.recorder });
    sim.counters.reset();
    const got = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(-200), day(200)));
    const want = expectedEvents(sim.world, 'anna.schmidt@contoso.com', 'calendar', day(-200), day(200));
    expect(got.length).toBeGreaterThan(50);
    expect(got.map(full).sort(order)).toEqual(want.map(full).sort(order));
    expect(got.every((e) => !e.organizer?.email?.startsWith('/'))).toBe(true);
    expect(got.filter((e) => e.originalStart).every((e) => e.seriesId)).toBe(true);
    expect(sim.counters.operation('FindItem')).toBe(Math.ceil(got.length / 500) || 1);
    await connector.close();
  });

  it('without attendees: no attendee GetItem, organizers resolved from legacy DNs once each, same events', async () => {
    const { connector } = simConnector(sim, {}, { recorder: schema.recorder });
    sim.counters.reset();
    const got = await collect(
      connector.calendarView('jan.devries@contoso.com', 'calendar', day(-60), day(60), { includeAttendees: false }),
    );
    const want = expectedEvents(sim.world, 'jan.devries@contoso.com', 'calendar', day(-60), day(60));
    expect(got.map((e) => ({ ...full(e), attendees: undefined })).sort(order)).toEqual(
      want.map((e) => ({ ...full(e), attendees: undefined })).sort(order),
    );
    expect(got.every((e) => e.attendees === undefined)).toBe(true);
    const series = new Set(got.filter((e) => e.seriesId).map((e) => e.seriesId));
    // GetItem only for series masters (batched 50 a request).
    expect(sim.counters.operation('GetItem')).toBe(Math.ceil(series.size / 50));
    const internalOrganizers = new Set(got.map((e) => e.organizer?.email).filter((m) => m?.endsWith('@contoso.com')));
    expect(sim.counters.operation('ResolveNames')).toBe(internalOrganizers.size);
    // A second read resolves nothing again (cache per connector).
    sim.counters.reset();
    await collect(connector.calendarView('jan.devries@contoso.com', 'calendar', day(-60), day(60), { includeAttendees: false }));
    expect(sim.counters.operation('ResolveNames')).toBe(0);
    await connector.close();
  });

  it('a page’s organizer DNs are resolved side by side at the simulator, each once', async () => {
    // Requests in flight per operation, seen where every request of the connector goes out.
    const inFlight = { now: 0, peak: 0 };
    const { prototype } = HttpClient;
    const send = Object.getOwnPropertyDescriptor(prototype, 'request')!.value as HttpClient['request'];
    const spy = vi.spyOn(prototype, 'request').mockImplementation(async function (this: HttpClient, req) {
      const resolving = req.body?.includes('ResolveNames') ?? false;
      if (resolving) inFlight.peak = Math.max(inFlight.peak, ++inFlight.now);
      try {
        return await send.call(this, req);
      } finally {
        if (resolving) inFlight.now--;
      }
    });
    try {
      const { connector } = simConnector(sim, {}, { recorder: schema.recorder });
      sim.counters.reset();
      const got = await collect(
        connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(-60), day(60), { includeAttendees: false }),
      );
      await connector.close();
      const internal = new Set(got.map((e) => e.organizer?.email).filter((m) => m?.endsWith('@contoso.com')));
      expect(internal.size).toBeGreaterThan(2);
      expect(sim.counters.operation('ResolveNames')).toBe(internal.size);
      // Not one after the other: all of them at once, within the per-connector bound of 8.
      expect(inFlight.peak).toBe(Math.min(internal.size, 8));
      expect(sim.counters.operation('FindItem')).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('organizer addresses outlive the run with a cache folder: the next connector resolves nothing', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'calpump-ews-cache-'));
    try {
      const read = async () => {
        const { connector } = simConnector(sim, {}, { recorder: schema.recorder }, undefined, {}, cacheDir);
        const got = await collect(
          connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(-30), day(30), { includeAttendees: false }),
        );
        await connector.close();
        return got;
      };
      sim.counters.reset();
      const first = await read();
      expect(sim.counters.operation('ResolveNames')).toBeGreaterThan(0);
      sim.counters.reset();
      const second = await read();
      expect(sim.counters.operation('ResolveNames')).toBe(0);
      expect(second.map(comparableEvent).sort(order)).toEqual(first.map(comparableEvent).sort(order));
      expect(second.every((e) => !e.organizer?.email?.startsWith('/'))).toBe(true);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('with the body: GetItem asks for text bodies and they arrive', async () => {
    const { connector } = simConnector(sim, {}, { recorder: schema.recorder });
    const got = await collect(
      connector.calendarView('alice.smith@contoso.com', 'calendar', day(-7), day(7), { includeBody: true, includeAttendees: false }),
    );
    expect(got.some((e) => e.body && e.body.length > 0)).toBe(true);
    expect(got.every((e) => e.attendees === undefined)).toBe(true);
    expect(got.every((e) => e.organizer?.email?.includes('@'))).toBe(true);
    await connector.close();
  });

  it('a three-year window: two CalendarView chunks (Exchange refuses over two years), equal to the truth', async () => {
    const { connector } = simConnector(sim, {}, { recorder: schema.recorder });
    sim.counters.reset();
    const got = await collect(
      connector.calendarView('bob.jones@contoso.com', 'calendar', day(-550), day(545), { includeAttendees: false }),
    );
    const want = expectedEvents(sim.world, 'bob.jones@contoso.com', 'calendar', day(-550), day(545));
    expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
    expect(got.map(comparableEvent).sort(order)).toEqual(want.map(comparableEvent).sort(order));
    expect(sim.counters.operation('FindItem')).toBeGreaterThanOrEqual(2);
    expect(sim.counters.operation('FindItem')).toBeLessThanOrEqual(2 + Math.ceil(got.length / 500));
    await connector.close();
  });

  it('syncChanges idsOnly: same changes as the full form, without any GetItem', async () => {
    const { connector } = simConnector(sim, {}, { recorder: schema.recorder });
    const fullForm = await connector.syncChanges!('alice.smith@contoso.com', 'calendar', undefined);
    sim.counters.reset();
    const ids = await connector.syncChanges!('alice.smith@contoso.com', 'calendar', undefined, { idsOnly: true });
    expect(sim.counters.operation('GetItem')).toBe(0);
    expect(ids.changes).toEqual([]);
    expect(ids.changeIds!.map((c) => `${c.kind} ${c.id}`).sort()).toEqual(
      fullForm.changes.map((c) => `${c.kind} ${c.kind === 'delete' ? c.id : c.event.id}`).sort(),
    );
    const again = await connector.syncChanges!('alice.smith@contoso.com', 'calendar', ids.nextState, { idsOnly: true });
    expect(again.changeIds).toEqual([]);
    await connector.close();
  });
});
