// Folder trees, calendar windows (split, paged, recurring series), throttling and sync against the simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableEvent, expectedEvents, startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { ANCHOR, collect, simConnector } from './sim-helpers.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';

const byStart = (a: { start: string; subject: string }, b: { start: string; subject: string }) =>
  (a.start + a.subject).localeCompare(b.start + b.subject);

describe('EWS calendars against the simulator', () => {
  let sim: RunningSimulator;
  const schema = recordEwsRequestsForSchema();
  const day = (n: number) => new Date(Date.parse(sim.world.anchor) + n * 86_400_000);
  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, anchor: ANCHOR });
  });
  afterAll(async () => sim?.stop());
  const opts = () => ({ recorder: schema.recorder });

  it('folder tree with localised names, paths, kinds, counts and distinguished ids', async () => {
    const { connector } = simConnector(sim, {}, opts());
    const tree = await connector.folderTree('anna.schmidt@contoso.com');
    expect(tree[0]).toMatchObject({ name: 'Kalender', path: 'Kalender', kind: 'calendar', distinguishedId: 'calendar' });
    expect(tree.map((f) => f.path)).toEqual(
      expect.arrayContaining(['Kalender/Feiertage', 'Kalender/Projekte', 'Kalender/Projekte/Archiv']),
    );
    expect(tree.every((f) => f.kind === 'calendar')).toBe(true);
    const projekte = tree.find((f) => f.path === 'Kalender/Projekte')!;
    expect(projekte.parentId).toBe(tree[0].id);
    expect(projekte.childCount).toBe(1);
    expect(tree[0].totalCount).toBeGreaterThan(0);
    const withMail = await connector.folderTree('anna.schmidt@contoso.com', ['calendar', 'contacts', 'mail']);
    expect(withMail.find((f) => f.distinguishedId === 'contacts')).toMatchObject({ name: 'Kontakte', kind: 'contacts' });
    expect(withMail.some((f) => f.name === 'Posteingang' && f.kind === 'mail')).toBe(true);
    await connector.close();
  });

  it('a window with recurring series (modified and deleted occurrences) and all-day events equals the truth', async () => {
    const { connector } = simConnector(sim, {}, opts());
    for (const mailbox of ['anna.schmidt@contoso.com', 'alice.smith@contoso.com']) {
      const got = await collect(connector.calendarView(mailbox, 'calendar', day(-14), day(21)));
      const want = expectedEvents(sim.world, mailbox, 'calendar', day(-14), day(21));
      expect(got.map(comparableEvent).sort(byStart)).toEqual(want.map(comparableEvent).sort(byStart));
      expect(got.some((e) => e.isAllDay && e.start.endsWith('T00:00:00.000Z'))).toBe(true);
      const occurrences = got.filter((e) => e.originalStart);
      expect(occurrences.length).toBeGreaterThan(5);
      expect(occurrences.every((e) => e.seriesId)).toBe(true);
      expect(got.map((e) => e.start)).toEqual([...got.map((e) => e.start)].sort());
    }
    const projekte = (await connector.folderTree('anna.schmidt@contoso.com')).find((f) => f.path === 'Kalender/Projekte')!;
    const sprint = await collect(connector.calendarView('anna.schmidt@contoso.com', projekte.id, day(-30), day(60)));
    expect(sprint.map(comparableEvent).sort(byStart)).toEqual(
      expectedEvents(sim.world, 'anna.schmidt@contoso.com', projekte.id, day(-30), day(60)).map(comparableEvent).sort(byStart),
    );
    await connector.close();
  });

  it('a large window is split into chunks and paged, without duplicates at the borders', async () => {
    const { connector } = simConnector(sim, {}, { ...opts(), calendarChunkDays: 20, calendarPageSize: 7 });
    sim.counters.reset();
    const got = await collect(connector.calendarView('jan.devries@contoso.com', 'calendar', day(-120), day(120)));
    const want = expectedEvents(sim.world, 'jan.devries@contoso.com', 'calendar', day(-120), day(120));
    expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
    expect(got.map(comparableEvent).sort(byStart)).toEqual(want.map(comparableEvent).sort(byStart));
    // 12 chunks, several pages each.
    expect(sim.counters.operation('FindItem')).toBeGreaterThan(24);
    await connector.close();
  });

  it('ErrorServerBusy: waits the BackOffMilliseconds Exchange asks for, then succeeds', async () => {
    const waits: number[] = [];
    const { connector } = simConnector(sim, {}, { ...opts(), sleep: async (ms) => void waits.push(ms) });
    sim.faults.stage({ kind: 'serverBusy', match: 'FindItem', backOffMs: 1234, times: 2 });
    const got = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(7)));
    expect(got.length).toBe(expectedEvents(sim.world, 'anna.schmidt@contoso.com', 'calendar', day(0), day(7)).length);
    expect(waits).toEqual([1234, 1234]);
    await connector.close();
  });

  it('ErrorServerBusy that does not stop → ews.server.busy after bounded tries', async () => {
    const waits: number[] = [];
    const { connector } = simConnector(sim, {}, { ...opts(), sleep: async (ms) => void waits.push(ms), retry: { maxTries: 3 } });
    sim.faults.stage({ kind: 'serverBusy', match: 'FindItem', backOffMs: 900, times: 5 });
    const err = await calpumpFailure(collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(7))));
    expect(err.id).toBe('ews.server.busy');
    expect(err.params.backoffMs).toBe('900');
    expect(waits).toEqual([900, 900]);
    sim.faults.clear();
    await connector.close();
  });

  it('a 503 is retried with jittered exponential back-off; a dropped connection at once, then backed off', async () => {
    const waits: number[] = [];
    const { connector } = simConnector(sim, {}, { ...opts(), sleep: async (ms) => void waits.push(ms), random: () => 1 });
    // FindItem: one request per page, so the faults hit the same request: the 503 waits 500 ms, the first reset
    // is retried on a fresh connection without waiting, the second (and a cut answer) back off 500 ms.
    sim.faults.stage({ kind: 'http503', match: 'FindItem' });
    sim.faults.stage({ kind: 'reset', match: 'FindItem' });
    const got = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(7)));
    expect(got.length).toBeGreaterThan(0);
    expect(waits).toEqual([500]);
    sim.faults.stage({ kind: 'reset', match: 'FindItem' });
    sim.faults.stage({ kind: 'truncate', match: 'FindItem' });
    expect(await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(7)))).toEqual(got);
    expect(waits).toEqual([500, 500]);
    await connector.close();
  });

  it('syncChanges: full read, then nothing new, then a change; an invalid state forces a flagged full resync', async () => {
    const { connector } = simConnector(sim, {}, opts());
    const first = await connector.syncChanges!('bob.jones@contoso.com', 'calendar', undefined);
    expect(first.changes.length).toBeGreaterThan(5);
    expect(first.changes.every((c) => c.kind === 'create')).toBe(true);
    expect(first.fullResync).toBeUndefined();
    const second = await connector.syncChanges!('bob.jones@contoso.com', 'calendar', first.nextState);
    expect(second.changes).toEqual([]);
    const broken = await connector.syncChanges!('bob.jones@contoso.com', 'calendar', 'bm90IGEgc3RhdGU=');
    expect(broken.fullResync).toBe(true);
    expect(broken.changes.length).toBe(first.changes.length);
    await connector.close();
  });

  it('availability returns free/busy blocks without read rights', async () => {
    const { connector } = simConnector(sim, { username: 'svc-delegate@contoso.com', access: 'delegate' }, opts());
    const blocks = await connector.availability!(['jan.devries@contoso.com', 'anna.schmidt@contoso.com'], day(0), day(7));
    expect(blocks.some((b) => b.mailbox === 'jan.devries@contoso.com' && b.showAs === 'busy')).toBe(true);
    expect(blocks.some((b) => b.mailbox === 'anna.schmidt@contoso.com')).toBe(true);
    expect(blocks.every((b) => b.start < b.end)).toBe(true);
    await connector.close();
  });
});
