// `calpump serve` in a real browser: the token gate, the cookie exchange that removes the token from the
// address bar, the HttpOnly cookie, a foreign page refused on the RPC socket, and `--demo` ready to use.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from './support/chromium-gate.js';
import { startE2e, type E2eEnvironment } from './support/harness.js';

describeInChromium('serve security in Chromium', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2e();
  }, 120_000);
  afterAll(async () => env?.stop());

  it('without the token the UI is refused with instructions', async () => {
    const res = await env.page.goto(env.serve.origin + '/');
    expect(res?.status()).toBe(401);
    expect(await env.page.locator('body').innerText()).toContain('?token=');
    await env.shot('serve-01-no-token');
  });

  it('with the token the app loads, the token leaves the URL, and script cannot read the session cookie', async () => {
    env.problems.length = 0; // the refused page of the previous test logged its 401s
    await env.page.goto(env.serve.url);
    await env.page.getByTestId('nav-profiles').waitFor();
    expect(env.page.url()).toBe(env.serve.origin + '/');
    expect(await env.page.evaluate(() => document.cookie)).toBe('');
    const cookies = await env.context.cookies(env.serve.origin);
    expect(cookies.find((c) => c.name === 'calpump_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await env.shot('serve-02-app');
    expect(env.problems).toEqual([]);
  });

  it("styles come only from style elements with the page's nonce: Fluent's apply, an injected one does not", async () => {
    env.problems.length = 0;
    await env.page.goto(env.serve.url);
    await env.page.getByTestId('nav-profiles').waitFor();
    const seen = await env.page.evaluate(() => {
      const styles = [...document.querySelectorAll('style')];
      // A style element written by anyone but the app (no nonce): the CSP keeps it from applying.
      const injected = document.createElement('style');
      injected.textContent = 'body { background-color: rgb(1, 2, 3) !important; }';
      document.head.append(injected);
      const header = document.querySelector('header');
      return {
        count: styles.length,
        withNonce: styles.filter((e) => e.nonce !== '').length,
        headerBackground: header ? getComputedStyle(header).backgroundColor : '',
        bodyBackground: getComputedStyle(document.body).backgroundColor,
      };
    });
    expect(seen.count).toBeGreaterThan(1);
    expect(seen.withNonce).toBe(seen.count);
    // The header's brand colour is Griffel's (webLightTheme's colorBrandBackground).
    expect(seen.headerBackground).toBe('rgb(15, 108, 189)');
    expect(seen.bodyBackground).not.toBe('rgb(1, 2, 3)');
    // Only the injected element was refused (Chromium reports it on the console).
    await expect.poll(() => env.problems.filter((p) => /Content Security Policy/.test(p)).length, { timeout: 10_000 }).toBe(1);
    expect(env.problems.filter((p) => !/Content Security Policy/.test(p))).toEqual([]);
    env.problems.length = 0;
  });

  it('a page from another origin cannot open the RPC socket, even with the cookie', async () => {
    const target = env.serve.origin.replace('http', 'ws') + '/rpc';
    const foreign: Server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end('<!doctype html><title>other</title>');
    });
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (foreign.address() as { port: number }).port;
      await env.page.goto(`http://127.0.0.1:${port}/`);
      const outcome = await env.page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(url);
            ws.onopen = () => resolve('open');
            ws.onerror = () => resolve('refused');
            setTimeout(() => resolve('timeout'), 5000);
          }),
        target,
      );
      expect(outcome).toBe('refused');
    } finally {
      foreign.closeAllConnections();
      await new Promise((r) => foreign.close(r));
    }
  });
});

describeInChromium('serve --demo in Chromium', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2e({ demo: true });
  }, 120_000);
  afterAll(async () => env?.stop());

  it('opens with the demo profile and job ready', async () => {
    await env.page.goto(env.serve.url);
    // The app opens on Home (every job's health); the demo's profile is on Profiles.
    await env.page.getByTestId('nav-profiles').click();
    await env.page.getByTestId('profiles-item').filter({ hasText: 'Demo Exchange' }).waitFor();
    await env.shot('serve-03-demo-profiles');
    await env.page.getByTestId('nav-jobs').click();
    await env.page.getByTestId('job-card').filter({ hasText: 'Demo calendars' }).waitFor();
    await env.shot('serve-04-demo-jobs');
  });
});
