// Mailbox listing (ResolveNames, FindPeople paging, rooms) and Autodiscover against the simulator.
import * as net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { ANCHOR, simConnector } from './sim-helpers.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';

describe('EWS directory and autodiscover against the simulator', () => {
  let sim: RunningSimulator;
  const schema = recordEwsRequestsForSchema();
  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, anchor: ANCHOR, mailboxes: 140 });
  });
  afterAll(async () => sim?.stop());
  const opts = () => ({ recorder: schema.recorder });

  it('search resolves ambiguous names to every match (ResolveNames warning) and finds rooms as rooms', async () => {
    const { connector } = simConnector(sim, {}, opts());
    const anna = await connector.listMailboxes('anna');
    expect(anna.items.map((m) => m.smtp).sort()).toEqual(['anna.schmidt@contoso.com', 'anna.schneider@contoso.com']);
    expect(anna.items.every((m) => m.kind === 'user')).toBe(true);
    expect(anna.nextCursor).toBeUndefined();
    const rooms = await connector.listMailboxes('room.amsterdam');
    expect(rooms.items.length).toBeGreaterThanOrEqual(2);
    expect(rooms.items.every((m) => m.kind === 'room')).toBe(true);
    expect((await connector.listMailboxes('zzz-nobody')).items).toEqual([]);
    await connector.close();
  });

  it('listing pages through the directory with FindPeople; rooms come from the room lists', async () => {
    const { connector } = simConnector(sim, {}, opts());
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await connector.listMailboxes(undefined, cursor);
      seen.push(...page.items.map((m) => m.id));
      if (pages === 0)
        expect(
          page.items
            .filter((m) => m.kind === 'room')
            .map((m) => m.smtp)
            .sort(),
        ).toEqual(['room.amsterdam.small@contoso.com', 'room.amsterdam@contoso.com', 'room.berlin@contoso.com']);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['alice.smith@contoso.com', 'bob.jones@contoso.com', 'user0100@contoso.com']));
    const bad = await calpumpFailure(connector.listMailboxes(undefined, 'not-a-cursor'));
    expect(bad.id).toBe('input.invalid');
    await connector.close();
  });

  it('a room whose name sorts past the first page is still listed once, as a room', async () => {
    const own = await startSimulator({ seed: 42, anchor: ANCHOR, mailboxes: 140 });
    try {
      // FindPeople sorts by display name: "Zeppelin" lands on the second page of 100.
      own.world.mailboxes.get('room.berlin@contoso.com')!.displayName = 'Zeppelin Berlin';
      const { connector } = simConnector(own, {}, opts());
      const seen: Array<{ id: string; kind: string }> = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await connector.listMailboxes(undefined, cursor);
        seen.push(...page.items.map((m) => ({ id: m.id, kind: m.kind })));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBeGreaterThan(1);
      expect(seen.filter((m) => m.id === 'room.berlin@contoso.com')).toEqual([{ id: 'room.berlin@contoso.com', kind: 'room' }]);
      expect(new Set(seen.map((m) => m.id)).size).toBe(seen.length);
      await connector.close();
    } finally {
      await own.stop();
    }
  });

  it('autodiscover (POX) finds the EWS URL from an e-mail address; describe() says how', async () => {
    const { connector } = simConnector(
      sim,
      { url: undefined, autodiscoverEmail: 'anna.schmidt@contoso.com' },
      { ...opts(), autodiscoverBase: sim.url },
    );
    const steps = await connector.test('anna.schmidt@contoso.com');
    expect(steps[0]).toMatchObject({ id: 'ews.url', status: 'pass' });
    expect(steps[0].evidence).toContain(`autodiscover POX ${sim.url}/autodiscover/autodiscover.xml`);
    expect(steps.every((s) => s.status === 'pass')).toBe(true);
    expect((await connector.describe()).ewsUrl).toBe(sim.ewsUrl);
    await connector.close();
  });

  it('autodiscover falls back to SOAP GetUserSettings and follows redirectAddr', async () => {
    sim.faults.stage({ kind: 'http500', match: '/autodiscover/autodiscover.xml', times: 10 });
    const { connector } = simConnector(
      sim,
      { url: undefined, autodiscoverEmail: 'moved.user@contoso.com' },
      { ...opts(), autodiscoverBase: sim.url },
    );
    const d = await connector.describe();
    expect(d.ewsUrl).toBe(sim.ewsUrl);
    expect(d.urlSource).toContain('SOAP');
    sim.faults.clear();
    await connector.close();
  });

  it('autodiscover failure → ews.autodiscover.failed listing what was tried; a manual URL is the fallback', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const dead = `https://127.0.0.1:${(probe.address() as net.AddressInfo).port}`;
    await new Promise<void>((r) => probe.close(() => r()));
    const { connector } = simConnector(
      sim,
      { url: undefined, autodiscoverEmail: 'anna.schmidt@contoso.com' },
      { ...opts(), autodiscoverBase: dead },
    );
    const err = await calpumpFailure(connector.folderTree('anna.schmidt@contoso.com'));
    expect(err.id).toBe('ews.autodiscover.failed');
    expect(err.params.tried).toContain(`POX ${dead}/autodiscover/autodiscover.xml → net.refused`);
    expect(err.params.tried).toContain(`SOAP ${dead}/autodiscover/autodiscover.svc`);
    const steps = await connector.test('anna.schmidt@contoso.com');
    expect(steps[0]).toMatchObject({ status: 'fail', error: { id: 'ews.autodiscover.failed' } });
    expect(steps.slice(1).every((s) => s.status === 'skipped')).toBe(true);
    await connector.close();

    const withUrl = simConnector(sim, { autodiscoverEmail: 'anna.schmidt@contoso.com' }, { ...opts(), autodiscoverBase: dead }).connector;
    expect((await withUrl.folderTree('anna.schmidt@contoso.com'))[0].name).toBe('Kalender');
    expect((await withUrl.describe()).urlSource).toBe('profile URL (autodiscover failed)');
    await withUrl.close();
  });
});
