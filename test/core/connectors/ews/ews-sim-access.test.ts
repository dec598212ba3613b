// Impersonation vs delegate access, UPN ≠ SMTP, unknown mailboxes — as Exchange reports them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calpumpFailure as failure } from '../../../support/calpump-failure.js';
import { comparableEvent, expectedEvents, startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { ANCHOR, collect, simConnector } from './sim-helpers.js';
import { stepError } from '../../../support/rendered.js';

const byStart = (a: { start: string; subject: string }, b: { start: string; subject: string }) =>
  (a.start + a.subject).localeCompare(b.start + b.subject);

describe('EWS access modes against the simulator', () => {
  let sim: RunningSimulator;
  let from: Date;
  let to: Date;
  const schema = recordEwsRequestsForSchema();
  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, anchor: ANCHOR });
    from = new Date(Date.parse(sim.world.anchor) - 7 * 86_400_000);
    to = new Date(Date.parse(sim.world.anchor) + 14 * 86_400_000);
  });
  afterAll(async () => sim?.stop());
  const opts = () => ({ recorder: schema.recorder });
  const delegate = { username: 'svc-delegate@contoso.com', access: 'delegate' as const };

  it('impersonation outside the allowed scope → ews.impersonation.denied on the mailbox step', async () => {
    const { connector } = simConnector(sim, {}, opts());
    const steps = await connector.test('carol.evans@contoso.com');
    const access = steps.find((s) => s.id === 'ews.mailboxAccess')!;
    expect(access.error?.id).toBe('ews.impersonation.denied');
    expect(stepError(access).fix).toContain('ApplicationImpersonation');
    expect(steps.find((s) => s.id === 'ews.auth')!.status).toBe('pass');
    const err = await failure(collect(connector.calendarView('carol.evans@contoso.com', 'calendar', from, to)));
    expect(err.id).toBe('ews.impersonation.denied');
    expect(err.params.mailbox).toBe('carol.evans@contoso.com');
    await connector.close();
  });

  it('an unknown mailbox → ews.mailbox.notFound (impersonation and delegate)', async () => {
    for (const over of [{}, delegate]) {
      const { connector } = simConnector(sim, over, opts());
      const err = await failure(connector.folderTree('nobody@contoso.com'));
      expect(err.id).toBe('ews.mailbox.notFound');
      const steps = await connector.test('nobody');
      expect(steps.find((s) => s.status === 'fail')!.error?.id).toBe('ews.mailbox.notFound');
      await connector.close();
    }
  });

  it('delegate with Reviewer reads the calendar and its permitted subfolders', async () => {
    const { connector } = simConnector(sim, delegate, opts());
    expect((await connector.test('alice.smith@contoso.com')).every((s) => s.status === 'pass')).toBe(true);
    const got = await collect(connector.calendarView('alice.smith@contoso.com', 'calendar', from, to));
    const want = expectedEvents(sim.world, 'alice.smith@contoso.com', 'calendar', from, to);
    expect(got.map(comparableEvent).sort(byStart)).toEqual(want.map(comparableEvent).sort(byStart));
    const tree = await connector.folderTree('alice.smith@contoso.com');
    expect(tree.map((f) => f.path)).toEqual(expect.arrayContaining(['Calendar', 'Calendar/Holidays']));
    await connector.close();
  });

  it('delegate without rights → ews.delegate.accessDenied with the fix naming Reviewer', async () => {
    const { connector } = simConnector(sim, delegate, opts());
    const err = await failure(collect(connector.calendarView('jan.devries@contoso.com', 'calendar', from, to)));
    expect(err.id).toBe('ews.delegate.accessDenied');
    expect(err.render().fix).toContain('Reviewer');
    const steps = await connector.test('jan.devries@contoso.com');
    expect(steps.find((s) => s.id === 'ews.calendarFolder')!.error?.id).toBe('ews.delegate.accessDenied');
    await connector.close();
  });

  it('UPN ≠ SMTP: bob logs on with his UPN and reads his calendar by SMTP; the UPN is no mailbox address', async () => {
    const { connector } = simConnector(sim, { username: 'b.jones@corp.contoso.local', access: 'delegate' }, opts());
    const got = await collect(connector.calendarView('bob.jones@contoso.com', 'calendar', from, to));
    const want = expectedEvents(sim.world, 'bob.jones@contoso.com', 'calendar', from, to);
    expect(got.map(comparableEvent).sort(byStart)).toEqual(want.map(comparableEvent).sort(byStart));
    await connector.close();

    const svc = simConnector(sim, {}, opts()).connector;
    const err = await failure(svc.folderTree('b.jones@corp.contoso.local'));
    expect(err.id).toBe('ews.mailbox.notFound');
    expect(err.render().fix).toContain('primary SMTP address');
    await svc.close();
  });

  it('accounts without @ get the mail domain; without a mail domain the input is refused clearly', async () => {
    const { connector } = simConnector(sim, {}, opts());
    const tree = await connector.folderTree('CONTOSO\\anna.schmidt');
    expect(tree[0]).toMatchObject({ name: 'Kalender', distinguishedId: 'calendar' });
    await connector.close();
    const noDomain = simConnector(sim, { mailDomain: undefined }, opts()).connector;
    const err = await failure(noDomain.folderTree('anna.schmidt'));
    expect(err.id).toBe('input.invalid');
    await noDomain.close();
  });
});
