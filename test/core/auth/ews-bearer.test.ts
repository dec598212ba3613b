// Legacy EWS on Microsoft 365: app-only bearer for https://outlook.office365.com/.default with X-AnchorMailbox,
// plus the Graph-only profile flags (app certificate file, legacyOnline settings with the retirement warning).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsBearer } from '../../../src/core/auth/ews-bearer.js';
import { ewsProfileSchema, secretKey } from '../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { decodeJwt } from '../../../src/sim/oauth/jwt.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID } from '../../../src/sim/oauth/index.js';
import { applyGraphProfileFlags, graphSecretsFromFlags } from '../../../src/headless/cli/commands/profile-flags-graph.js';
import { makeAppCertificate } from '../../sim/oauth/app-certificate.js';
import { authHarness } from './support/auth-harness.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 2 });
});
afterAll(async () => sim?.stop());

describe('EWS on Microsoft 365 bearer', () => {
  it('gives an Exchange Online app token and the anchor mailbox header, and warns about 2027-04-01', async () => {
    const h = await authHarness(sim.caFile, 'e1');
    await h.secrets.set(secretKey('e1', 'clientSecret'), SIM_APP_DAEMON_SECRET);
    const profile = ewsProfileSchema.parse({
      id: 'e1',
      name: 'exo-ews',
      kind: 'ews',
      url: 'https://outlook.office365.com/EWS/Exchange.asmx',
      username: 'svc-calpump@contoso.com',
      legacyOnline: { tenantId: SIM_TENANT_ID, clientId: SIM_APP_DAEMON, authorityHost: sim.url },
    });
    const bearer = createEwsBearer(profile, { secrets: h.secrets, logger: h.logger, http: h.http });
    const headers = await bearer.headers('anna.schmidt@contoso.com');
    expect(headers['X-AnchorMailbox']).toBe('anna.schmidt@contoso.com');
    const claims = decodeJwt(headers.Authorization.replace('Bearer ', ''))!.payload;
    expect(claims).toMatchObject({ aud: 'https://outlook.office365.com', appid: SIM_APP_DAEMON, roles: ['full_access_as_app'] });
    expect(h.logText()).toContain('auth.ewsOnline.retiring');
    expect(h.logText()).toContain('2027-04-01');
  });
});

describe('Graph profile flags', () => {
  it('sets legacyOnline only on EWS profiles and needs tenant and client id together', () => {
    const raw: Record<string, unknown> = { kind: 'ews' };
    expect(
      applyGraphProfileFlags(raw, { legacyOnlineTenant: 'contoso.onmicrosoft.com', legacyOnlineClientId: SIM_APP_DAEMON })[0],
    ).toContain('2027-04-01');
    expect(raw.legacyOnline).toEqual({ tenantId: 'contoso.onmicrosoft.com', clientId: SIM_APP_DAEMON });
    expect(() => applyGraphProfileFlags({ kind: 'ews' }, { legacyOnlineTenant: 'x.onmicrosoft.com' })).toThrow(/Invalid input|input/i);
    expect(() => applyGraphProfileFlags({ kind: 'graph' }, { legacyOnlineTenant: 'x.onmicrosoft.com' })).toThrow();
    applyGraphProfileFlags(raw, { legacyOnlineTenant: '' });
    expect(raw.legacyOnline).toBeUndefined();
  });

  it('accepts a certificate PEM with its key and refuses one without', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calpump-certflag-'));
    const cert = makeAppCertificate();
    writeFileSync(join(dir, 'ok.pem'), cert.pem);
    writeFileSync(join(dir, 'nokey.pem'), cert.certPem);
    const resolvePath = (p: string) => join(dir, p);
    expect((await graphSecretsFromFlags({ certificateFile: 'ok.pem' }, resolvePath, 'p')).certificate).toContain('PRIVATE KEY');
    await expect(graphSecretsFromFlags({ certificateFile: 'nokey.pem' }, resolvePath, 'p')).rejects.toMatchObject({
      id: 'auth.certificate.unreadable',
    });
    await expect(graphSecretsFromFlags({ certificateFile: 'missing.pem' }, resolvePath, 'p')).rejects.toMatchObject({
      id: 'input.invalid',
    });
  });
});
