// Every sign-in flow of the token provider against the simulator's Entra ID endpoints, including the real
// error answers (AADSTS codes) and their catalogue entries.
import { createPublicKey, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenProvider } from '../../../src/core/auth/token-provider.js';
import type { TokenTarget } from '../../../src/core/auth/token-target.js';
import { secretKey } from '../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { decodeJwt } from '../../../src/sim/oauth/jwt.js';
import {
  SIM_APP_ASSIGNED,
  SIM_APP_DAEMON,
  SIM_APP_DAEMON_SECRET,
  SIM_APP_NO_CONSENT,
  SIM_APP_PUBLIC,
  SIM_TENANT_ID,
  simTenant,
} from '../../../src/sim/oauth/index.js';
import { authHarness } from '../../core/auth/support/auth-harness.js';
import { browse, freePort } from '../../core/auth/support/test-browser.js';
import { makeAppCertificate } from './app-certificate.js';
import { readFileSync } from 'node:fs';
import { calpumpFailure } from '../../support/calpump-failure.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 5 });
});
afterAll(async () => sim?.stop());

function target(over: Partial<TokenTarget>): TokenTarget {
  return {
    profileId: 'p1',
    profileName: 'm365',
    tenantId: SIM_TENANT_ID,
    clientId: SIM_APP_DAEMON,
    flow: 'clientCredentials',
    redirectUri: 'http://localhost:8400/',
    authorityHost: sim.url,
    scopes: [`${sim.url}/.default`],
    ...over,
  };
}

async function provider(over: Partial<TokenTarget>, secrets: Record<string, string> = {}) {
  const h = await authHarness(sim.caFile);
  for (const [k, v] of Object.entries(secrets)) await h.secrets.set(secretKey('p1', k as 'clientSecret'), v);
  return { ...h, tokens: createTokenProvider(target(over), { secrets: h.secrets, logger: h.logger, http: h.http }) };
}

const claims = (token: string) => decodeJwt(token)!.payload;

describe('client credentials against the simulator', () => {
  it('gets an app token with the consented roles using a client secret, and caches it', async () => {
    const { tokens, logText } = await provider({}, { clientSecret: SIM_APP_DAEMON_SECRET });
    const token = await tokens.getAccessToken();
    expect(claims(token)).toMatchObject({ appid: SIM_APP_DAEMON, tid: SIM_TENANT_ID, aud: sim.url, idtyp: 'app' });
    expect(claims(token).roles).toEqual(expect.arrayContaining(['Calendars.Read', 'User.Read.All']));
    const before = sim.counters.operation('OAuth:token');
    expect(await tokens.getAccessToken()).toBe(token);
    expect(sim.counters.operation('OAuth:token')).toBe(before);
    expect((await tokens.status()).credential).toBe('secret');
    expect(logText()).not.toContain(SIM_APP_DAEMON_SECRET);
  });

  it('signs a client assertion with a certificate the app registration holds', async () => {
    const cert = makeAppCertificate();
    const thumb = new X509Certificate(cert.certPem).fingerprint256.replace(/:/g, '').toLowerCase();
    const { tokens } = await provider({ credential: 'certificate' }, { certificate: cert.pem });
    const err = await calpumpFailure(tokens.getAccessToken());
    expect(err.id).toBe('auth.certificate.rejected');
    expect(err.render().message).toContain(thumb);

    simTenant(sim.world).apps.get(SIM_APP_DAEMON)!.certificates.set(thumb, createPublicKey(cert.certPem));
    const fresh = await provider({ credential: 'certificate' }, { certificate: cert.pem });
    const token = await fresh.tokens.getAccessToken();
    expect(claims(token).appid).toBe(SIM_APP_DAEMON);
    expect((await fresh.tokens.status()).certificateNotAfter).toMatch(/^\d{4}-/);
  });

  it('maps a wrong secret, an unknown app, an unknown tenant and a missing secret to their entries', async () => {
    await calpumpFailure((await provider({}, { clientSecret: 'wrong' })).tokens.getAccessToken(), 'auth.secret.invalid');
    await calpumpFailure((await provider({}, { clientSecret: 'sim~expired.Secret-0000' })).tokens.getAccessToken(), 'auth.secret.expired');
    const unknown = await calpumpFailure(
      (await provider({ clientId: '99999999-9999-4999-8999-999999999999' }, { clientSecret: 'x' })).tokens.getAccessToken(),
    );
    expect(unknown.id).toBe('auth.app.notFound');
    expect(unknown.evidence).toContain('AADSTS700016');
    await calpumpFailure(
      (await provider({ tenantId: 'fabrikam.onmicrosoft.com' }, { clientSecret: 'x' })).tokens.getAccessToken(),
      'auth.tenant.notFound',
    );
    const missing = await calpumpFailure((await provider({})).tokens.getAccessToken());
    expect(missing.id).toBe('auth.credential.missing');
    // The engine names the flow and the secret by id; the catalogue says them in the reader's language.
    expect(missing.params).toMatchObject({ flow: 'clientCredentials', secret: 'clientSecret' });
    expect(missing.render('en').message).toContain('signs in with client credentials but has no stored client secret.');
    expect(missing.render('de').message).toContain('aber es fehlt der gespeicherte geheime Clientschlüssel.');
  });
});

describe('delegated flows against the simulator', () => {
  it('device code: shows the code, the admin enters it in a browser, and a delegated token arrives', async () => {
    const { tokens } = await provider({ flow: 'deviceCode', clientId: SIM_APP_PUBLIC });
    const status = await tokens.login({
      showDeviceCode: (info) => {
        expect(info.message).toContain(info.userCode);
        void browse(info.verificationUri, {
          ca: readFileSync(sim.caFile!, 'utf8'),
          stopAtOrigin: 'http://never',
          fill: { otc: info.userCode, login: 'alice.smith@contoso.com', passwd: 'Passw0rd!' },
        }).catch(() => undefined);
      },
    });
    expect(status.account).toBe('alice.smith@contoso.com');
    const token = await tokens.getAccessToken();
    expect(claims(token)).toMatchObject({ upn: 'alice.smith@contoso.com', idtyp: 'user' });
    expect(String(claims(token).scp)).toContain('Calendars.Read');
  });

  it('interactive: loopback + PKCE through the simulated sign-in page, then silent refresh from the cache', async () => {
    const redirectUri = `http://localhost:${await freePort()}/`;
    const { tokens } = await provider({ flow: 'interactive', clientId: SIM_APP_PUBLIC, redirectUri });
    let page = { status: 0, body: '' };
    await tokens.login({
      openBrowser: async (url) => {
        expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
        page = await browse(url, {
          ca: readFileSync(sim.caFile!, 'utf8'),
          stopAtOrigin: new URL(redirectUri.replace('localhost', '127.0.0.1')).origin,
          rewrite: (u) => (u.hostname === 'localhost' ? new URL(u.href.replace('//localhost', '//127.0.0.1')) : u),
          fill: { login: 'anna.schmidt@contoso.com', passwd: 'Passw0rd!' },
        });
      },
    });
    expect(page.body).toContain('Signed in');
    const first = await tokens.getAccessToken();
    const refreshed = await tokens.getAccessToken({ forceRefresh: true });
    expect(refreshed).not.toBe(first);
    expect(claims(refreshed).upn).toBe('anna.schmidt@contoso.com');
  });

  it('interactive: consent missing and user not assigned come back as error redirects with their entries', async () => {
    for (const [clientId, user, id] of [
      [SIM_APP_NO_CONSENT, 'alice.smith@contoso.com', 'auth.consent.missing'],
      [SIM_APP_ASSIGNED, 'jan.devries@contoso.com', 'auth.user.notAssigned'],
    ] as const) {
      const redirectUri = `http://127.0.0.1:${await freePort()}/`;
      const { tokens } = await provider({ flow: 'interactive', clientId, redirectUri });
      let page = { status: 0, body: '' };
      const err = await calpumpFailure(
        tokens.login({
          openBrowser: async (url) => {
            page = await browse(url, {
              ca: readFileSync(sim.caFile!, 'utf8'),
              stopAtOrigin: new URL(redirectUri).origin,
              fill: { login: user, passwd: 'Passw0rd!' },
            });
          },
        }),
      );
      expect(err.id).toBe(id);
      expect(page.status).toBe(400);
    }
  });

  it('legacy password flow: works without MFA, fails clearly with MFA or a wrong password', async () => {
    const ok = await provider(
      { flow: 'password', clientId: SIM_APP_PUBLIC, username: 'jan.devries@contoso.com' },
      { password: 'Passw0rd!' },
    );
    expect(claims(await ok.tokens.getAccessToken()).upn).toBe('jan.devries@contoso.com');
    expect(ok.logText()).toContain('auth.password.legacy');
    expect(ok.logText()).not.toContain('Passw0rd!');
    const mfa = await provider(
      { flow: 'password', clientId: SIM_APP_PUBLIC, username: 'carol.evans@contoso.com' },
      { password: 'Passw0rd!' },
    );
    await calpumpFailure(mfa.tokens.getAccessToken(), 'auth.mfaRequired');
    const wrong = await provider({ flow: 'password', clientId: SIM_APP_PUBLIC, username: 'jan.devries@contoso.com' }, { password: 'nope' });
    await calpumpFailure(wrong.tokens.getAccessToken(), 'auth.password.invalid');
    const noConsent = await provider(
      { flow: 'password', clientId: SIM_APP_NO_CONSENT, username: 'jan.devries@contoso.com' },
      { password: 'Passw0rd!' },
    );
    await calpumpFailure(noConsent.tokens.getAccessToken(), 'auth.consent.missing');
  });
});
