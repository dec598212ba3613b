// The Graph writer against the simulator's Graph: tagged creates through $batch, listOwned by $filter on the
// extended property (paged), PATCH with If-Match, DELETE, the Calendars.ReadWrite permission, and items
// written through Graph carrying the same tags EWS sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphWriter } from '../../../../../src/core/connectors/graph/writer/index.js';
import type { Appointment, CalendarWriter } from '../../../../../src/core/connectors/writer.js';
import { CALPUMP_PROPERTY_SET_ID } from '../../../../../src/core/connectors/writer.js';
import { nullLogger } from '../../../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../../../src/core/secrets/memory-secret-store.js';
import { secretKey } from '../../../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, simTenant } from '../../../../../src/sim/oauth/index.js';
import { simGraphProfile } from '../support.js';

let sim: RunningSimulator;

async function writer(): Promise<CalendarWriter> {
  const profile = simGraphProfile(sim);
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey(profile.id, 'clientSecret'), SIM_APP_DAEMON_SECRET);
  return createGraphWriter(profile, { secrets, logger: nullLogger });
}

const absence = (over: Partial<Appointment> = {}): Appointment => ({
  subject: 'Absent',
  start: '2026-03-10T00:00:00.000Z',
  end: '2026-03-12T00:00:00.000Z',
  isAllDay: true,
  timeZone: 'Europe/Berlin',
  location: '',
  showAs: 'oof',
  sensitivity: 'normal',
  categories: ['Absence'],
  ...over,
});

beforeAll(async () => {
  sim = await startSimulator({ seed: 5, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 2 });
});
afterAll(async () => {
  await sim?.stop();
});

describe('Graph writer', () => {
  it('without Calendars.ReadWrite every write fails with the missing permission named', async () => {
    const w = await writer();
    const [r] = await w.upsert('anna.schmidt@contoso.com', 'calendar', [{ appointment: absence(), tag: { scope: 'p', sourceKey: '1' } }]);
    expect(r.ok).toBe(false);
    expect(r.error?.id).toBe('graph.permission.missing');
    expect(r.error?.params.permission).toBe('Calendars.ReadWrite');
    await w.close();
    simTenant(sim.world).apps.get(SIM_APP_DAEMON)!.roles.push('Calendars.ReadWrite');
  });

  it('creates tagged items (also readable through EWS keys), lists only its own scope, no attendees', async () => {
    const w = await writer();
    const mb = 'anna.schmidt@contoso.com';
    sim.world.mutate.addEvent(mb, 'calendar', { subject: 'Absent', date: '2026-03-10', time: '08:00', timeZone: 'Europe/Berlin' });
    sim.counters.reset();
    const res = await w.upsert(mb, 'calendar', [
      { appointment: absence(), tag: { scope: 'job-a', sourceKey: 'row-1' } },
      {
        appointment: absence({
          subject: 'Training',
          isAllDay: false,
          start: '2026-03-11T09:00:00.000Z',
          end: '2026-03-11T10:00:00.000Z',
          showAs: 'busy',
          reminderMinutes: 10,
        }),
        tag: { scope: 'job-a', sourceKey: 'row-2' },
      },
      { appointment: absence({ subject: 'Other job' }), tag: { scope: 'job-b', sourceKey: 'row-1' } },
    ]);
    expect(res.map((r) => r.ok)).toEqual([true, true, true]);
    const owned = await w.listOwned(mb, 'calendar', { scope: 'job-a' });
    expect(owned.map((o) => o.sourceKey).sort()).toEqual(['row-1', 'row-2']);
    expect(owned.find((o) => o.sourceKey === 'row-1')).toMatchObject({
      start: '2026-03-10T00:00:00.000Z',
      end: '2026-03-12T00:00:00.000Z',
      isAllDay: true,
      showAs: 'oof',
      reminderMinutes: undefined,
    });
    expect(owned.find((o) => o.sourceKey === 'row-2')).toMatchObject({
      start: '2026-03-11T09:00:00.000Z',
      end: '2026-03-11T10:00:00.000Z',
      timeZone: 'Europe/Berlin',
      reminderMinutes: 10,
    });
    const stored = sim.world.events.get(owned[0].id)!;
    expect(stored.extendedProperties.map((p) => p.key)).toContain(`${CALPUMP_PROPERTY_SET_ID}:CalpumpScope:String`);
    expect(stored.attendees).toEqual([]);
    expect(sim.world.events.get(owned.find((o) => o.sourceKey === 'row-1')!.id)!.start).toBe('2026-03-09T23:00:00.000Z');
    expect(sim.counters.operation('Graph:createEvent')).toBe(3);
    expect((await w.listOwned(mb, 'calendar')).length).toBe(3);
    await w.close();
  });

  it('pages through many owned items', async () => {
    const w = await writer();
    const mb = 'bob.jones@contoso.com';
    const reqs = Array.from({ length: 260 }, (_, i) => ({
      appointment: absence({ subject: `n${i}` }),
      tag: { scope: 'many', sourceKey: `k${i}` },
    }));
    expect((await w.upsert(mb, 'calendar', reqs)).every((r) => r.ok)).toBe(true);
    const owned = await w.listOwned(mb, 'calendar', { scope: 'many' });
    expect(new Set(owned.map((o) => o.sourceKey)).size).toBe(260);
    await w.close();
  });

  it('updates, refuses a stale change key with If-Match, deletes idempotently, filters by window', async () => {
    const w = await writer();
    const mb = 'jan.devries@contoso.com';
    const [created] = await w.upsert(mb, 'calendar', [{ appointment: absence(), tag: { scope: 's', sourceKey: 'k' } }]);
    const [updated] = await w.upsert(mb, 'calendar', [
      {
        appointment: absence({ subject: 'Absent (sick)', location: 'home' }),
        tag: { scope: 's', sourceKey: 'k' },
        existing: { id: created.id!, changeKey: created.changeKey },
      },
    ]);
    expect(updated).toMatchObject({ ok: true, id: created.id });
    expect(updated.changeKey).not.toBe(created.changeKey);
    expect((await w.listOwned(mb, 'calendar', { scope: 's' }))[0]).toMatchObject({ subject: 'Absent (sick)', location: 'home' });
    const [stale] = await w.upsert(mb, 'calendar', [
      {
        appointment: absence({ subject: 'stale' }),
        tag: { scope: 's', sourceKey: 'k' },
        existing: { id: created.id!, changeKey: created.changeKey },
        ifUnchanged: true,
      },
    ]);
    expect(stale.error?.id).toBe('write.conflict');
    expect(
      await w.listOwned(mb, 'calendar', { scope: 's', from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z') }),
    ).toEqual([]);
    expect((await w.delete(mb, [created.id!])).map((o) => o.ok)).toEqual([true]);
    expect(await w.listOwned(mb, 'calendar', { scope: 's' })).toEqual([]);
    expect((await w.delete(mb, [created.id!])).map((o) => o.ok)).toEqual([true]);
    await w.close();
  });

  it('an out-of-scope mailbox fails its items, not the process', async () => {
    const w = await writer();
    const res = await w.upsert('carol.evans@contoso.com', 'calendar', [{ appointment: absence(), tag: { scope: 'x', sourceKey: '1' } }]);
    expect(res[0].ok).toBe(false);
    expect(res[0].error?.id).toBe('graph.mailbox.accessDenied');
    await w.close();
  });
});
