import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import {
  SIM_APP_DAEMON,
  SIM_APP_DAEMON_SECRET,
  SIM_APP_NO_CONSENT,
  SIM_APP_NO_CONSENT_SECRET,
  SIM_TENANT_ID,
} from '../../../src/sim/oauth/index.js';
import { envelope, rawRequest, T } from '../support/ews-client.js';
import { DOMParser } from '@xmldom/xmldom';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ tls: false, eventsPerMailbox: 0 });
});
afterAll(() => sim.stop());

async function appToken(clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${sim.url}/${SIM_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
      scope: 'https://outlook.office365.com/.default',
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const getFolder =
  '<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"/></m:FolderIds></m:GetFolder>';
const post = (token: string, impersonate?: string) =>
  rawRequest(sim, '/EWS/Exchange.asmx', envelope(getFolder, { impersonate }), { Authorization: `Bearer ${token}` });

describe('EWS with OAuth bearer tokens (Exchange Online legacy EWS)', () => {
  it('accepts an app-only full_access_as_app token with impersonation', async () => {
    const token = await appToken(SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET);
    const r = await post(token, 'jan.devries@contoso.com');
    expect(r.status).toBe(200);
    const doc = new DOMParser().parseFromString(r.body, 'text/xml');
    expect(doc.getElementsByTagNameNS(T, 'DisplayName')[0]?.textContent).toBe('Agenda');
  });

  it('requires the impersonation header for app-only tokens', async () => {
    const token = await appToken(SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET);
    const r = await post(token);
    expect(r.status).toBe(500);
    expect(r.body).toContain('a:ErrorInvalidExchangeImpersonationHeaderData');
  });

  it('denies an app without the Exchange role, and refuses bad tokens with a Bearer challenge', async () => {
    const token = await appToken(SIM_APP_NO_CONSENT, SIM_APP_NO_CONSENT_SECRET);
    const r = await post(token, 'jan.devries@contoso.com');
    expect(r.body).toContain('a:ErrorImpersonateUserDenied');
    const bad = await post('not.a.token', 'jan.devries@contoso.com');
    expect(bad.status).toBe(401);
    expect(bad.headers['www-authenticate']).toMatch(/^Bearer client_id="00000002-0000-0ff1-ce00-000000000000".*error="invalid_token"/);
    expect(bad.headers['x-ms-diagnostics']).toMatch(/^2000001/);
  });
});
