// Automatic replies through the EWS connector against the simulator: the seeded Scheduled / Enabled / Disabled
// states, a state changed between two reads, and each refusal with the right it names — delegate access without
// FullAccess, impersonation outside the scope, an unknown mailbox. Every request is validated against the schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { ANCHOR, simConnector } from './sim-helpers.js';

describe('EWS automatic replies against the simulator', () => {
  let sim: RunningSimulator;
  const schema = recordEwsRequestsForSchema();
  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, anchor: ANCHOR, eventsPerMailbox: 0 });
  });
  afterAll(async () => sim?.stop());

  it('reads the seeded states with impersonation, one request per mailbox, and sees a change', async () => {
    const { connector } = simConnector(sim, {}, { recorder: schema.recorder });
    const before = sim.counters.operation('GetUserOofSettings');
    expect(await connector.automaticReplies!('anna.schmidt')).toEqual({
      state: 'scheduled',
      start: '2026-03-30T06:00:00.000Z',
      end: '2026-04-01T15:00:00.000Z',
    });
    expect(await connector.automaticReplies!('bob.jones@contoso.com')).toEqual({ state: 'enabled' });
    expect(await connector.automaticReplies!('jan.devries@contoso.com')).toEqual({ state: 'disabled' });
    expect(sim.counters.operation('GetUserOofSettings') - before).toBe(3);
    sim.world.automaticReplies.set('jan.devries@contoso.com', {
      state: 'Enabled',
      start: '2026-03-01T00:00:00.000Z',
      end: '2026-03-02T00:00:00.000Z',
      externalAudience: 'All',
      internalReply: '',
      externalReply: '',
    });
    expect(await connector.automaticReplies!('jan.devries@contoso.com')).toEqual({ state: 'enabled' });
    const impersonated = schema.requests.filter((r) => r.operation === 'GetUserOofSettingsRequest');
    expect(impersonated.at(-1)!.body).toContain('<t:SmtpAddress>jan.devries@contoso.com</t:SmtpAddress>');
    await connector.close();
  });

  it('delegate access without FullAccess is refused and names FullAccess or impersonation', async () => {
    const { connector } = simConnector(sim, { username: 'svc-delegate@contoso.com', access: 'delegate' }, { recorder: schema.recorder });
    // Reviewer on alice's calendar is enough for her calendar, not for her automatic replies.
    await expect(connector.automaticReplies!('alice.smith@contoso.com')).rejects.toMatchObject({
      id: 'presence.automaticReplies.denied',
      params: { mailbox: 'alice.smith@contoso.com', username: 'svc-delegate@contoso.com', access: 'delegate' },
    });
    const alice = sim.world.mailboxes.get('alice.smith@contoso.com')!;
    alice.fullAccess.push('svc-delegate@contoso.com');
    try {
      expect(await connector.automaticReplies!('alice.smith@contoso.com')).toEqual({ state: 'disabled' });
    } finally {
      alice.fullAccess.pop();
    }
    await connector.close();
  });

  it('impersonation outside the scope and an unknown mailbox give their catalogue errors', async () => {
    const { connector } = simConnector(sim, {}, { recorder: schema.recorder });
    const outside = await connector.automaticReplies!('carol.evans@contoso.com').catch((e: unknown) => e);
    expect(outside).toMatchObject({ id: 'ews.impersonation.denied' });
    const ghost = await connector.automaticReplies!('ghost@contoso.com').catch((e: unknown) => e);
    expect(ghost).toMatchObject({ id: 'ews.mailbox.notFound' });
    await connector.close();
  });
});
