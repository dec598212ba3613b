// Automatic replies through the Graph connector against the simulator: the scheduled window Graph sends in the
// mailbox's Windows zone comes out as the same UTC instants EWS gives; a missing MailboxSettings.Read is named, a
// mailbox outside the access policy is the policy error, and a delegated sign-in reading someone else's settings
// says that only an app permission reaches other mailboxes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphConnector } from '../../../../src/core/connectors/graph/index.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../../src/core/secrets/memory-secret-store.js';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_PUBLIC, simTenant } from '../../../../src/sim/oauth/index.js';
import { graphProfileSchema, secretKey } from '../../../../src/shared/profile.js';
import { simGraphConnector, simGraphProfile } from './support.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(async () => sim?.stop());

describe('Graph automatic replies against the simulator', () => {
  it('reads scheduled (Windows zone on the wire), enabled and disabled with one request each', async () => {
    const { connector } = await simGraphConnector(sim);
    const before = sim.counters.operation('Graph:automaticRepliesSetting');
    expect(await connector.automaticReplies!('anna.schmidt@contoso.com')).toEqual({
      state: 'scheduled',
      start: '2026-03-30T06:00:00.000Z',
      end: '2026-04-01T15:00:00.000Z',
    });
    expect(await connector.automaticReplies!('bob.jones@contoso.com')).toEqual({ state: 'enabled' });
    expect(await connector.automaticReplies!('jan.devries@contoso.com')).toEqual({ state: 'disabled' });
    expect(sim.counters.operation('Graph:automaticRepliesSetting') - before).toBe(3);
    await connector.close();
  });

  it('names MailboxSettings.Read when the app lacks it, and the policy when the mailbox is out of scope', async () => {
    const app = simTenant(sim.world).apps.get(SIM_APP_DAEMON)!;
    const roles = [...app.roles];
    app.roles = roles.filter((r) => r !== 'MailboxSettings.Read');
    try {
      const { connector } = await simGraphConnector(sim);
      await expect(connector.automaticReplies!('anna.schmidt@contoso.com')).rejects.toMatchObject({
        id: 'graph.permission.missing',
        params: { permission: 'MailboxSettings.Read' },
      });
      await connector.close();
    } finally {
      app.roles = roles;
    }
    const { connector } = await simGraphConnector(sim);
    await expect(connector.automaticReplies!('carol.evans@contoso.com')).rejects.toMatchObject({ id: 'graph.mailbox.accessDenied' });
    await connector.close();
  });

  it('a delegated sign-in reads its own settings; another mailbox names the app permission it needs', async () => {
    const secrets = new MemorySecretStore();
    const profile = graphProfileSchema.parse({
      ...simGraphProfile(sim),
      clientId: SIM_APP_PUBLIC,
      flow: 'password',
      username: 'jan.devries@contoso.com',
    });
    await secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
    const connector = createGraphConnector(profile, { secrets, logger: nullLogger });
    expect((await connector.automaticReplies!('jan.devries@contoso.com')).state).toBe('disabled');
    await expect(connector.automaticReplies!('anna.schmidt@contoso.com')).rejects.toMatchObject({
      id: 'presence.automaticReplies.delegated',
      params: { mailbox: 'anna.schmidt@contoso.com', clientId: SIM_APP_PUBLIC },
    });
    await connector.close();
  });
});
