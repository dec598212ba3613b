// A virtual directory with only the Negotiate provider (Kerberos first, no "NTLM" provider): a client without a
// Kerberos ticket sends NTLM inside Negotiate, as Windows does, so an NTLM profile still works there — and the
// doctor, which counts Negotiate as NTLM offered, and the connector agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { calpumpFailure as failure } from '../../../support/calpump-failure.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { ANCHOR, collect, simConnector } from './sim-helpers.js';

describe('NTLM inside Negotiate (server offers only Negotiate)', () => {
  let sim: RunningSimulator;
  const schema = recordEwsRequestsForSchema();
  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, anchor: ANCHOR, authSchemes: ['Negotiate'] });
  });
  afterAll(async () => sim?.stop());
  const day = (n: number) => new Date(Date.parse(sim.world.anchor) + n * 86_400_000);

  it('reads a calendar with an NTLM profile (the server accepts NTLM only under the Negotiate scheme)', async () => {
    const { connector } = simConnector(sim, { auth: 'ntlm', username: 'CONTOSO\\svc-calpump' }, { recorder: schema.recorder });
    const events = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(7)));
    expect(events.length).toBeGreaterThan(0);
    expect(sim.counters.total).toBeGreaterThan(0);
    await connector.close();
  });

  it('a wrong password is ews.auth.unauthorized, not "scheme not offered"', async () => {
    const { connector } = simConnector(
      sim,
      { auth: 'ntlm', username: 'CONTOSO\\svc-calpump' },
      { recorder: schema.recorder },
      'wrong-password',
    );
    const err = await failure(collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(1))));
    expect(err.id).toBe('ews.auth.unauthorized');
    await connector.close();
  });

  it('Basic against a Negotiate-only server is still ews.auth.schemeNotOffered', async () => {
    const { connector } = simConnector(sim, {}, { recorder: schema.recorder });
    const err = await failure(collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(1))));
    expect(err.id).toBe('ews.auth.schemeNotOffered');
    expect(err.params).toMatchObject({ wanted: 'Basic', offered: 'Negotiate' });
    await connector.close();
  });
});
