// The EWS writer against the simulator: tagged creates, listOwned sees only tagged items, updates, stale change
// keys, deletes, delegate rights, no invitations, all-day placement, and every request valid per the schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsWriter } from '../../../../../src/core/connectors/ews/writer/index.js';
import type { Appointment, CalendarWriter } from '../../../../../src/core/connectors/writer.js';
import { CALPUMP_PROPERTY_SET_ID } from '../../../../../src/core/connectors/writer.js';
import { nullLogger } from '../../../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../../../src/core/secrets/memory-secret-store.js';
import { ewsProfileSchema, secretKey } from '../../../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../../../src/sim/index.js';
import { expandEvent } from '../../../../../src/sim/world/recurrence.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID } from '../../../../../src/sim/oauth/index.js';
import { recordEwsRequestsForSchema } from '../../../../support/ews-schema.js';

let sim: RunningSimulator;
const schema = recordEwsRequestsForSchema();

async function writer(
  username = 'svc-calpump@contoso.com',
  access: 'impersonation' | 'delegate' = 'impersonation',
): Promise<CalendarWriter> {
  const profile = ewsProfileSchema.parse({
    id: `w-${username}`,
    name: 'sim',
    kind: 'ews',
    url: sim.ewsUrl,
    username,
    auth: 'basic',
    access,
    tls: { caFile: sim.caFile },
  });
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
  return createEwsWriter(profile, { secrets, logger: nullLogger }, { recorder: schema.recorder });
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
  sim = await startSimulator({ seed: 3, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 2 });
});
afterAll(async () => {
  await sim?.stop();
});

describe('EWS writer', () => {
  it('creates tagged items, lists only its own, and sends no invitations', async () => {
    const w = await writer();
    const mb = 'anna.schmidt@contoso.com';
    sim.world.mutate.addEvent(mb, 'calendar', { subject: 'Absent', date: '2026-03-10', time: '08:00', timeZone: 'Europe/Berlin' });
    const res = await w.upsert(mb, 'calendar', [
      { appointment: absence(), tag: { scope: 'job-a', sourceKey: 'row-1' } },
      {
        appointment: absence({
          subject: 'Training',
          isAllDay: false,
          start: '2026-03-11T09:00:00.000Z',
          end: '2026-03-11T10:00:00.000Z',
          showAs: 'busy',
        }),
        tag: { scope: 'job-a', sourceKey: 'row-2' },
      },
      { appointment: absence({ subject: 'Other job' }), tag: { scope: 'job-b', sourceKey: 'row-1' } },
    ]);
    expect(res.map((r) => r.ok)).toEqual([true, true, true]);
    const owned = await w.listOwned(mb, 'calendar', { scope: 'job-a' });
    expect(owned.map((o) => o.sourceKey).sort()).toEqual(['row-1', 'row-2']);
    const allDay = owned.find((o) => o.sourceKey === 'row-1')!;
    expect(allDay).toMatchObject({
      subject: 'Absent',
      start: '2026-03-10T00:00:00.000Z',
      end: '2026-03-12T00:00:00.000Z',
      isAllDay: true,
      showAs: 'oof',
      categories: ['Absence'],
      reminderMinutes: undefined,
    });
    expect(allDay.contentHash).toBeTruthy();
    // Exchange keeps the all-day item from Berlin midnight to Berlin midnight.
    const stored = sim.world.events.get(allDay.id)!;
    expect([stored.start, stored.end]).toEqual(['2026-03-09T23:00:00.000Z', '2026-03-11T23:00:00.000Z']);
    expect(stored.extendedProperties.map((p) => p.key)).toContain(`${CALPUMP_PROPERTY_SET_ID}:CalpumpSourceKey:String`);
    expect((await w.listOwned(mb, 'calendar')).length).toBe(3);
    expect(sim.world.outbox).toEqual([]);
    await w.close();
  });

  it('updates with overwrite, refuses a stale change key when asked, deletes idempotently', async () => {
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
    const [owned] = await w.listOwned(mb, 'calendar', { scope: 's' });
    expect(owned).toMatchObject({ subject: 'Absent (sick)', location: 'home', sourceKey: 'k' });

    const [stale] = await w.upsert(mb, 'calendar', [
      {
        appointment: absence({ subject: 'stale' }),
        tag: { scope: 's', sourceKey: 'k' },
        existing: { id: created.id!, changeKey: created.changeKey },
        ifUnchanged: true,
      },
    ]);
    expect(stale.ok).toBe(false);
    expect(stale.error?.id).toBe('write.conflict');

    expect((await w.delete(mb, [created.id!])).map((o) => o.ok)).toEqual([true]);
    expect(await w.listOwned(mb, 'calendar', { scope: 's' })).toEqual([]);
    expect((await w.delete(mb, [created.id!])).map((o) => o.ok)).toEqual([true]);
    await w.close();
  });

  it('filters listOwned by window', async () => {
    const w = await writer();
    const mb = 'alice.smith@contoso.com';
    await w.upsert(mb, 'calendar', [
      {
        appointment: absence({ start: '2026-04-01T00:00:00.000Z', end: '2026-04-02T00:00:00.000Z' }),
        tag: { scope: 'win', sourceKey: 'april' },
      },
      {
        appointment: absence({ start: '2026-06-01T00:00:00.000Z', end: '2026-06-02T00:00:00.000Z' }),
        tag: { scope: 'win', sourceKey: 'june' },
      },
    ]);
    const inApril = await w.listOwned(mb, 'calendar', {
      scope: 'win',
      from: new Date('2026-03-25T00:00:00Z'),
      to: new Date('2026-04-15T00:00:00Z'),
    });
    expect(inApril.map((o) => o.sourceKey)).toEqual(['april']);
    await w.close();
  });

  it('a delegate writes where it is Editor and gets a clear error where it is only Reviewer', async () => {
    const w = await writer('svc-delegate@contoso.com', 'delegate');
    const ok = await w.upsert('bob.jones@contoso.com', 'calendar', [{ appointment: absence(), tag: { scope: 'd', sourceKey: '1' } }]);
    expect(ok[0].ok).toBe(true);
    const denied = await w.upsert('alice.smith@contoso.com', 'calendar', [{ appointment: absence(), tag: { scope: 'd', sourceKey: '1' } }]);
    expect(denied[0].ok).toBe(false);
    expect(denied[0].error?.id).toBe('ews.delegate.accessDenied');
    await w.close();
  });

  it('an impersonation outside the scope fails every item of the request, not the process', async () => {
    const w = await writer();
    const res = await w.upsert('carol.evans@contoso.com', 'calendar', [
      { appointment: absence(), tag: { scope: 'x', sourceKey: '1' } },
      { appointment: absence(), tag: { scope: 'x', sourceKey: '2' } },
    ]);
    expect(res.map((r) => [r.ok, r.error?.id])).toEqual([
      [false, 'ews.impersonation.denied'],
      [false, 'ews.impersonation.denied'],
    ]);
    await w.close();
  });

  it('legacy EWS on Microsoft 365 writes with the app-only bearer (no password stored)', async () => {
    const profile = ewsProfileSchema.parse({
      id: 'w-exo',
      name: 'exo',
      kind: 'ews',
      url: sim.ewsUrl,
      username: 'svc-calpump@contoso.com',
      auth: 'basic',
      access: 'delegate',
      tls: { caFile: sim.caFile },
      legacyOnline: { tenantId: SIM_TENANT_ID, clientId: SIM_APP_DAEMON, authorityHost: sim.url },
    });
    const secrets = new MemorySecretStore();
    await secrets.set(secretKey(profile.id, 'clientSecret'), SIM_APP_DAEMON_SECRET);
    const w = createEwsWriter(profile, { secrets, logger: nullLogger }, { recorder: schema.recorder });
    const [r] = await w.upsert('alice.smith@contoso.com', 'calendar', [{ appointment: absence(), tag: { scope: 'exo', sourceKey: '1' } }]);
    expect(r).toMatchObject({ ok: true });
    expect((await w.listOwned('alice.smith@contoso.com', 'calendar', { scope: 'exo' })).map((o) => o.sourceKey)).toEqual(['1']);
    await w.close();
  });

  it('clears emptied fields (DeleteItemField) and limits an update to given fields on an occurrence', async () => {
    const w = await writer();
    const mb = 'bob.jones@contoso.com';
    const [c] = await w.upsert(mb, 'calendar', [
      { appointment: absence({ location: 'HQ', reminderMinutes: 30 }), tag: { scope: 'clr', sourceKey: '1' } },
    ]);
    await w.upsert(mb, 'calendar', [
      { appointment: absence({ location: '', categories: [] }), tag: { scope: 'clr', sourceKey: '1' }, existing: { id: c.id! } },
    ]);
    expect(sim.world.events.get(c.id!)).toMatchObject({ location: '', categories: [] });
    const series = [...sim.world.events.values()].find((e) => e.mailbox === mb && e.subject === 'Daily standup' && e.recurrence)!;
    const [occ] = expandEvent(series, Date.parse('2026-03-04T00:00:00Z'), Date.parse('2026-03-05T00:00:00Z'));
    const [u] = await w.upsert(mb, 'calendar', [
      {
        appointment: {
          ...absence(),
          subject: 'Standup (lab)',
          isAllDay: false,
          start: occ.start,
          end: new Date(Date.parse(occ.start) + 900_000).toISOString(),
          showAs: 'busy',
        },
        existing: { id: occ.id },
        fields: ['subject', 'start', 'end', 'location', 'showAs'],
      },
    ]);
    expect(u).toMatchObject({ ok: true });
    expect(Object.values(sim.world.events.get(series.id)!.exceptions).map((x) => x.subject)).toContain('Standup (lab)');
    await w.close();
  });
});
