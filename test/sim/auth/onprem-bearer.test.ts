// The simulator as on-premises Exchange with hybrid modern auth: its EWS accepts a bearer signed by its own
// Entra ID for an on-premises URL registered on the Exchange service principal, and refuses a token for another
// audience, an expired one and an unsigned one with Exchange's 401 (WWW-Authenticate: Bearer …, x-ms-diagnostics).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID, simTenant } from '../../../src/sim/oauth/index.js';
import { signJwt } from '../../../src/sim/oauth/jwt.js';
import { envelope, rawRequest } from '../support/ews-client.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 1 });
});
afterAll(async () => sim?.stop());

const body = envelope(
  '<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"/></m:FolderIds></m:GetFolder>',
  { impersonate: 'anna.schmidt@contoso.com' },
);

async function appToken(resource: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const form = new URLSearchParams({
    client_id: SIM_APP_DAEMON,
    client_secret: SIM_APP_DAEMON_SECRET,
    grant_type: 'client_credentials',
    scope: `${resource}/.default`,
  });
  const res = await rawRequest(sim, `/${SIM_TENANT_ID}/oauth2/v2.0/token`, form.toString(), {
    'Content-Type': 'application/x-www-form-urlencoded',
  });
  return { status: res.status, json: JSON.parse(res.body) as Record<string, unknown> };
}

function onPremOrigin(): string {
  return new URL(sim.onPremEwsUrl!).origin;
}

const ews = (token: string) => rawRequest(sim, sim.onPremEwsUrl!, body, { Authorization: `Bearer ${token}` });

describe('simulator EWS with hybrid modern auth', () => {
  it('registers its on-premises URL and accepts an app-only token issued for it', async () => {
    expect([...simTenant(sim.world).exchangeOnPremUrls]).toEqual([onPremOrigin()]);
    const t = await appToken(onPremOrigin());
    expect(t.status).toBe(200);
    const res = await ews(String(t.json.access_token));
    expect(res.status).toBe(200);
    expect(res.body).toContain('ResponseClass="Success"');
  });

  it('refuses a token for another audience, an expired one and an unsigned one as Exchange does', async () => {
    const graph = await appToken('https://graph.microsoft.com');
    const wrongAudience = await ews(String(graph.json.access_token));
    expect(wrongAudience.status).toBe(401);
    expect(String(wrongAudience.headers['www-authenticate'])).toMatch(/^Bearer client_id="00000002-0000-0ff1-ce00-000000000000"/);
    expect(String(wrongAudience.headers['x-ms-diagnostics'])).toContain('audience claim value is invalid');

    const tenant = simTenant(sim.world);
    const now = Math.floor(Date.now() / 1000);
    const claims = { aud: onPremOrigin(), appid: SIM_APP_DAEMON, roles: ['full_access_as_app'], iat: now - 7200, exp: now - 3600 };
    const expired = await ews(signJwt({ kid: tenant.kid }, claims, tenant.signingKey));
    expect(expired.status).toBe(401);
    expect(String(expired.headers['x-ms-diagnostics'])).toContain('has expired');

    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ typ: 'JWT', alg: 'none' })}.${b64({ ...claims, iat: now, exp: now + 3600 })}.`;
    const refused = await ews(unsigned);
    expect(refused.status).toBe(401);
    expect(String(refused.headers['x-ms-diagnostics'])).toContain('token is invalid');
  });

  it('gives no token for an on-premises URL that is not a service principal name (AADSTS500011)', async () => {
    const t = await appToken('https://mail.fabrikam.com');
    expect(t.status).toBe(400);
    expect(t.json).toMatchObject({ error: 'invalid_resource' });
    expect(String(t.json.error_description)).toMatch(/^AADSTS500011: The resource principal named https:\/\/mail\.fabrikam\.com/);
  });
});
