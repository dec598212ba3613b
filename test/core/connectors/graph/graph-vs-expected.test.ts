// The shared expectation: a Graph profile against the simulator yields exactly expectedEvents() for the same
// seeded mailbox (the EWS helper runs the same comparison for EWS), so Graph and EWS agree event for event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { expectedEvents } from '../../../../src/sim/world/expected.js';
import { collect, comparable, simGraphConnector } from './support.js';

let sim: RunningSimulator;
let from: Date;
let to: Date;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 30 });
  from = new Date(Date.parse(`${sim.world.anchor}T00:00:00Z`) - 14 * 86_400_000);
  to = new Date(Date.parse(`${sim.world.anchor}T00:00:00Z`) + 60 * 86_400_000);
});
afterAll(async () => sim?.stop());

describe('Graph connector against the simulator', () => {
  it.each([
    'anna.schmidt@contoso.com',
    'alice.smith@contoso.com',
    'jan.devries@contoso.com',
    'bob.jones@contoso.com',
    'room.amsterdam@contoso.com',
  ])('calendarView of %s equals expectedEvents (occurrences, exceptions, all-day, cancelled)', async (smtp) => {
    const { connector } = await simGraphConnector(sim);
    const got = await collect(connector.calendarView(smtp, 'calendar', from, to));
    const want = expectedEvents(sim.world, smtp, 'calendar', from, to);
    expect(want.length).toBeGreaterThan(0);
    expect(comparable(got)).toEqual(comparable(want));
    await connector.close();
  });

  it('lists the calendar folders with item counts, and every folder exports its expected events', async () => {
    const { connector } = await simGraphConnector(sim);
    const folders = await connector.folderTree('anna.schmidt@contoso.com');
    const names = folders.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['Kalender', 'Feiertage', 'Projekte']));
    const main = folders.find((f) => f.distinguishedId === 'calendar')!;
    expect(main.name).toBe('Kalender');
    for (const f of folders) {
      expect(f.totalCount).toBe(sim.world.folderItems.get(f.id)?.size ?? 0);
      const got = await collect(connector.calendarView('anna.schmidt@contoso.com', f.id, from, to));
      expect(comparable(got)).toEqual(comparable(expectedEvents(sim.world, 'anna.schmidt@contoso.com', f.id, from, to)));
    }
  });

  it('lists mailboxes with paging and search, rooms marked as rooms', async () => {
    const { connector } = await simGraphConnector(sim);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await connector.listMailboxes(undefined, cursor);
      seen.push(...page.items.map((m) => m.smtp));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(new Set(seen)).toEqual(new Set(sim.world.mailboxes.keys()));
    const anna = await connector.listMailboxes('anna');
    expect(anna.items.map((m) => m.smtp).sort()).toEqual(['anna.schmidt@contoso.com', 'anna.schneider@contoso.com']);
    const rooms = await connector.listMailboxes('amsterdam');
    expect(rooms.items.find((m) => m.smtp === 'room.amsterdam@contoso.com')?.kind).toBe('room');
    const bob = await connector.listMailboxes('bob');
    expect(bob.items[0]).toMatchObject({ smtp: 'bob.jones@contoso.com', upn: 'b.jones@corp.contoso.local' });
  });

  it('reports a mailbox outside the application access policy as 403 with the policy fix', async () => {
    const { connector } = await simGraphConnector(sim);
    const err = await collect(connector.calendarView('carol.evans@contoso.com', 'calendar', from, to)).then(
      () => undefined,
      (e: { id: string; render(): { fix: string; delay?: string } }) => e,
    );
    expect(err?.id).toBe('graph.mailbox.accessDenied');
    expect(err?.render().fix).toContain('New-ApplicationAccessPolicy');
    expect(err?.render().delay).toBeDefined();
    const steps = await connector.test('carol.evans@contoso.com');
    expect(steps.find((s) => s.status === 'fail')).toMatchObject({ id: 'graph.calendar', error: { id: 'graph.mailbox.accessDenied' } });
    expect((await connector.test('alice.smith@contoso.com')).every((s) => s.status === 'pass')).toBe(true);
  });

  it('free/busy via getSchedule matches the busy items of the calendar', async () => {
    const { connector } = await simGraphConnector(sim);
    const blocks = await connector.availability!(['alice.smith@contoso.com', 'nobody@contoso.com'], from, to);
    const busy = expectedEvents(sim.world, 'alice.smith@contoso.com', 'calendar', from, to).filter(
      (e) => !e.isCancelled && e.showAs !== 'free' && !e.isAllDay,
    );
    for (const e of busy)
      expect(blocks.some((b) => b.mailbox === 'alice.smith@contoso.com' && b.start === e.start && b.end === e.end)).toBe(true);
    expect(blocks.every((b) => b.mailbox === 'alice.smith@contoso.com')).toBe(true);
  });
});
