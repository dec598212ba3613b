// Issue 14's first acceptance line: from an empty configuration (`calpump serve --demo --no-demo-data`) to a
// scheduled job that has run once, only through the set-up assistant, typing nothing but the address, the
// password and the target folder. The simulator's certificate is trusted the way a user would: by looking at
// it and pinning it. Screenshots of the assistant go to docs/images/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { JobView } from '../../src/shared/rpc.js';
import { chromiumExecutable, DOCS_IMAGES, filesIn, startE2e, type E2eEnvironment } from './support/harness.js';
import { rendered } from '../support/rendered.js';

describe.runIf(chromiumExecutable())('first run through the set-up assistant', () => {
  let env: E2eEnvironment;
  let page: Page;
  const typed: string[] = [];

  beforeAll(async () => {
    env = await startE2e({ demo: true, demoData: false, viewport: { width: 1366, height: 768 } });
    page = env.page;
    await page.goto(env.serve.url);
  }, 600_000);

  afterAll(async () => {
    await env?.stop();
  });

  const byId = (id: string) => page.getByTestId(id);
  /** Every keystroke the user makes goes through here, so the test can say what was typed. */
  const type = async (id: string, text: string) => {
    typed.push(id);
    await byId(id).fill(text);
  };
  const doc = (name: string) => env.shot(name, DOCS_IMAGES);

  it('goes from an empty configuration to a scheduled job that has run once', async () => {
    const outDir = join(env.workDir, 'calendars');
    await byId('home-welcome').waitFor({ timeout: 60_000 });
    await doc('home-welcome');
    await byId('home-start-assistant').click();

    await type('assistant-email', 'svc-calpump@contoso.com');
    await doc('assistant-1-address');
    await byId('assistant-next').click();

    // The simulator's certificate comes from a CA nobody trusts: look at it, then pin it.
    await byId('assistant-cert').waitFor({ timeout: 60_000 });
    expect(await byId('assistant-cert-fingerprint').innerText()).toBe(env.sim.certSha256);
    await doc('assistant-2-certificate');
    await byId('assistant-cert-trust').click();
    await byId('assistant-cert-confirm').click();
    await page.locator('[data-testid=assistant-discovery][data-kind=ews]').waitFor({ timeout: 60_000 });
    await byId('assistant-next').click();

    await type('assistant-password', 'Passw0rd!');
    await byId('assistant-next').click();

    await page.locator('[data-testid=assistant-test-steps][data-ok=true]').waitFor({ timeout: 90_000 });
    await doc('assistant-4-test');
    await byId('assistant-save-profile').click();

    // Mailboxes: every room of the directory, plus one person picked from the list.
    const picker = page.locator('[data-testid=assistant-mailboxes-item]');
    await picker.first().waitFor({ timeout: 60_000 });
    await byId('assistant-mailboxes-kind').selectOption('room');
    await expect.poll(() => byId('assistant-mailboxes-all').isEnabled()).toBe(true);
    await byId('assistant-mailboxes-all').click();
    await byId('assistant-mailboxes-kind').selectOption('all');
    await page.locator('[data-testid=assistant-mailboxes-item][data-smtp="alice.smith@contoso.com"]').click();
    const chosen = await byId('assistant-mailboxes-chip').count();
    expect(chosen).toBeGreaterThan(1);
    await doc('assistant-5-mailboxes');
    await byId('assistant-next').click();

    await byId('assistant-folders-item').first().waitFor({ timeout: 60_000 });
    await doc('assistant-6-folders');
    await byId('assistant-next').click();

    await type('assistant-target', outDir);
    await page.locator('[data-testid=assistant-target-check][data-state=create]').waitFor({ timeout: 30_000 });
    await byId('assistant-next').click();

    await doc('assistant-8-schedule');
    await byId('assistant-create-job').click();
    await byId('assistant-finished').waitFor({ timeout: 180_000 });
    expect(await byId('assistant-done-status').getAttribute('data-status')).toBe('ok');
    await byId('assistant-next-run').waitFor();
    await doc('assistant-9-done');

    expect(typed).toEqual(['assistant-email', 'assistant-password', 'assistant-target']);
    const { jobs } = await call<{ jobs: JobView[] }>('jobs.list');
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(job.job.schedule).toMatchObject({ kind: 'interval', minutes: 30 });
    expect(job.lastRun?.status).toBe('ok');
    expect(job.lastRun?.mailboxesOk).toBe(chosen);
    expect(job.nextRunAt).toBeTruthy();
    const files = (await filesIn(outDir)).filter((f) => f.endsWith('.ics'));
    expect(files).toHaveLength(chosen);

    // The home screen now shows the job's health, and the header badge leads there.
    await byId('assistant-home').click();
    const row = page.locator(`[data-testid=home-job][data-job-name="${job.job.name}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('ok');
    await doc('home');
    expect(env.problems).toEqual([]);
  }, 600_000);

  async function call<T>(method: string, input: unknown = {}): Promise<T> {
    const r = await env.serve.dispatcher.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${rendered(r.error).title}`);
    return r.output as T;
  }
});
