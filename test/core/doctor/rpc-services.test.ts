import { renderStep } from '../../../src/shared/i18n/steps.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/core/connectors/connector.js';
import { doctorService, setupScriptService } from '../../../src/core/doctor/rpc-services.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';
import { graphProfileSchema, secretKey } from '../../../src/shared/profile.js';
import { jobSchema } from '../../../src/shared/job.js';
import { ewsProfile, loopbackResolver, memorySecrets } from './doctor-support.js';

/** A connector the caller owns: the doctor must use it for the calendar steps and must not close it. */
function borrowedConnector(events: number) {
  const calls: string[] = [];
  const connector: Connector = {
    kind: 'ews',
    test: async () => [],
    listMailboxes: async () => ({ items: [] }),
    folderTree: async (mb) => (
      calls.push(`folderTree ${mb}`),
      [{ id: 'f1', name: 'Calendar', path: 'Calendar', kind: 'calendar', distinguishedId: 'calendar', totalCount: 12, childCount: 0 }]
    ),
    async *calendarView(mb, folder, from, to) {
      calls.push(`calendarView ${mb} ${folder} ${from.toISOString()} ${to.toISOString()}`);
      for (let i = 0; i < events; i++) yield { id: `e${i}` } as NormalisedEvent;
    },
    describe: async () => ({}),
    close: async () => void calls.push('close'),
  };
  return { connector, calls };
}

describe('doctor RPC service', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ mailboxes: 3, eventsPerMailbox: 2 });
  });
  afterAll(async () => sim.stop());

  it('runs every step with the borrowed connector, reports details, and leaves the connector open', async () => {
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    const next = new Date(Date.parse(day) + 86_400_000).toISOString();
    const profile = ewsProfile(sim.ewsUrl, sim.caFile);
    const service = doctorService({
      secrets: memorySecrets({ [secretKey(profile.id, 'password')]: 'Passw0rd!' }),
      logger: nullLogger,
      env: {},
      resolver: loopbackResolver(),
      now: () => now,
    });
    const { connector, calls } = borrowedConnector(3);
    const { steps, details } = await service(profile, connector, 'alice.smith@contoso.com', new AbortController().signal);
    expect(steps.filter((s) => s.status !== 'pass')).toEqual([]);
    expect(steps.at(-1)).toMatchObject({
      id: 'calendar.view',
      detail: { key: 'doctor.detail.calendarView', params: { count: 3, date: day } },
    });
    expect(steps[0].title).toEqual({ key: 'doctor.step.proxy' });
    expect(renderStep(steps[0], steps, 'nl').title).toBe('Gebruikte proxy');
    expect(calls).toEqual([
      'folderTree alice.smith@contoso.com',
      `calendarView alice.smith@contoso.com calendar ${day}T00:00:00.000Z ${next}`,
    ]);
    expect(details.serverVersion).toBeTruthy();
    expect(details.issuer).toContain('Calpump Simulator Test CA');
  });

  it('stops with rpc.cancelled when the signal is aborted', async () => {
    const profile = ewsProfile(sim.ewsUrl, sim.caFile);
    const service = doctorService({ secrets: memorySecrets(), logger: nullLogger, env: {}, resolver: loopbackResolver() });
    const ac = new AbortController();
    ac.abort();
    await expect(service(profile, borrowedConnector(0).connector, undefined, ac.signal)).rejects.toMatchObject({ id: 'rpc.cancelled' });
  });
});

describe('setup script RPC service', () => {
  it('returns one .ps1 named after the profile', async () => {
    const r = await setupScriptService()(ewsProfile('https://mail.contoso.com/EWS/Exchange.asmx', undefined, { name: 'HQ exchange' }), {
      scopeGroup: 'Readers',
    });
    expect(r.fileName).toBe('calpump-setup-HQ-exchange.ps1');
    expect(r.script).toContain("$ScopeGroup = 'Readers'");
  });

  it("grants Graph's contacts and tasks read permissions only when the profile's jobs export them", async () => {
    const profile = graphProfileSchema.parse({
      id: 'g1',
      name: 'M365',
      kind: 'graph',
      tenantId: 'c0ffee00-0000-4000-8000-00000000c0de',
      clientId: '11111111-1111-4111-8111-111111111111',
      flow: 'clientCredentials',
      credential: 'secret',
    });
    const job = (id: string, content: string, p = 'M365') =>
      jobSchema.parse({
        id,
        name: id,
        profile: p,
        content,
        mailboxes: { mode: 'list', list: ['a@contoso.com'] },
        target: { kind: 'folder', path: '/tmp/x' },
      });
    const calendarOnly = await setupScriptService(undefined, async () => [job('cal', 'calendar'), job('other', 'tasks', 'Other')])(
      profile,
      {},
    );
    expect(calendarOnly.script).toContain("$Permissions = @('Calendars.Read', 'User.Read.All')");
    const both = await setupScriptService(undefined, async () => [job('c', 'contacts', 'g1'), job('t', 'tasks')])(profile, {});
    expect(both.script).toContain("$Permissions = @('Calendars.Read', 'User.Read.All', 'Contacts.Read', 'Tasks.Read.All')");
  });
});
