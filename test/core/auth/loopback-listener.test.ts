import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listenForAuthCode } from '../../../src/core/auth/loopback-listener.js';
import type { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { freePort } from './support/test-browser.js';

const errorContext = { profile: 'm365', clientId: 'c', tenantId: 't', authorityHost: 'https://login.microsoftonline.com' };

async function listener(state = 'expected-state', timeoutMs = 10_000) {
  const port = await freePort();
  const redirectUri = `http://localhost:${port}/callback`;
  const l = await listenForAuthCode({ redirectUri, expectedState: state, timeoutMs, errorContext });
  return { l, base: `http://127.0.0.1:${port}/callback` };
}

describe('loopback listener', () => {
  it('accepts a form_post answer and ignores other paths and stray visits', async () => {
    const { l, base } = await listener();
    expect((await fetch(base.replace('/callback', '/favicon.ico'))).status).toBe(404);
    expect((await fetch(base)).status).toBe(400); // no state, code or error: keep waiting
    const res = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=abc&state=expected-state',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You can close this window');
    await expect(l.code).resolves.toBe('abc');
    await l.close();
  });

  it('maps an Entra error redirect to its catalogue entry and escapes it in the page', async () => {
    const { l, base } = await listener();
    const description = 'AADSTS65001: The user or administrator has not consented to use the application <script>x</script>';
    const res = await fetch(`${base}?error=invalid_client&error_description=${encodeURIComponent(description)}&state=expected-state`);
    const html = await res.text();
    expect(html).toContain('Grant admin consent');
    expect(html).not.toContain('<script>');
    const err = (await l.code.catch((e: unknown) => e)) as CalpumpError;
    expect(err.id).toBe('auth.consent.missing');
    await l.close();
  });

  it('says which port is taken when another program holds it', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const err = (await listenForAuthCode({
        redirectUri: `http://localhost:${port}/`,
        expectedState: 's',
        timeoutMs: 1000,
        errorContext,
      }).catch((e: unknown) => e)) as CalpumpError;
      expect(err.id).toBe('auth.loopback.portInUse');
      expect(err.render().message).toContain(`127.0.0.1:${port}`);
      expect(err.render().fix).toContain('--redirect-uri');
    } finally {
      blocker.close();
    }
  });

  it('shows the German page when asked', async () => {
    const port = await freePort();
    const l = await listenForAuthCode({
      redirectUri: `http://127.0.0.1:${port}/`,
      expectedState: 's',
      timeoutMs: 5000,
      errorContext,
      lang: 'de',
    });
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('Calpump wartet auf die Antwort der Anmeldung.');
    const html = await (await fetch(`http://127.0.0.1:${port}/?code=c&state=s`)).text();
    expect(html).toContain('<h1 style="color:#107c10">Angemeldet</h1>');
    expect(html).toContain('Sie können dieses Fenster schließen');
    await l.close();
  });

  it('refuses an answer for another sign-in with a Dutch page, saying only whether a state came back', async () => {
    const port = await freePort();
    const l = await listenForAuthCode({
      redirectUri: `http://127.0.0.1:${port}/`,
      expectedState: 's',
      timeoutMs: 5000,
      errorContext,
      lang: 'nl',
    });
    const res = await fetch(`http://127.0.0.1:${port}/?code=c&state=forged`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<h2>Zo lost u het op</h2>');
    const err = (await l.code.catch((e: unknown) => e)) as CalpumpError;
    expect(err).toMatchObject({ id: 'auth.login.stateMismatch', evidence: 'state=different' });
    await l.close();
  });
});
