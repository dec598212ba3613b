// The whole app in a real browser: `calpump serve` (in-process) + the Exchange simulator + Chromium. Adds an
// EWS profile through the form (a wrong password first: the catalogue message appears in the form), tests it,
// browses mailboxes and a folder tree, creates a job, runs it to 100 %, and finds the run in the history and
// its files on disk. Screenshots of every screen go to test-results/e2e/ (git-ignored).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInChromium } from './support/chromium-gate.js';
import { filesIn, startE2e, type E2eEnvironment } from './support/harness.js';

describeInChromium('app flow in the browser', () => {
  let env: E2eEnvironment;
  let page: Page;

  beforeAll(async () => {
    env = await startE2e({ seed: 7 });
    page = env.page;
    await page.goto(env.serve.url);
  }, 600_000);

  afterAll(async () => {
    await env?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await env?.shot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  const byId = (id: string) => page.getByTestId(id);
  const shot = async (name: string) => {
    // Full-page shots stitch from the top; a scrolled page would repeat the sticky header mid-image.
    await page.evaluate(() => window.scrollTo(0, 0));
    await env.shot(`app-${name}`);
  };

  it('adds an EWS profile; a wrong password shows the catalogue message, the right one passes every step', async () => {
    await byId('nav-profiles').click();
    await byId('profiles-empty').waitFor();
    await shot('01-profiles-empty');
    await byId('profiles-add-ews').click();
    await byId('profile-name').fill('Contoso sim');
    await byId('profile-url').fill(env.sim.ewsUrl);
    await byId('profile-auth').selectOption('basic');
    await byId('profile-username').fill('svc-calpump@contoso.com');
    await byId('profile-password').fill('not-the-password');
    await byId('profile-proxyMode').selectOption('none');
    await byId('profile-tlsMode').selectOption('caFile');
    await byId('profile-caFile').fill(env.sim.caFile ?? '');
    await byId('profile-testMailbox').fill('anna.schmidt@contoso.com');
    await byId('profile-save').click();
    await byId('profile-saved').waitFor();
    expect(await page.content()).not.toContain('not-the-password');

    await byId('profile-test-run').click();
    // Steps appear as they finish; data-ok is set once the last one did.
    const steps = page.locator('[data-testid=profile-test-steps][data-ok]');
    await steps.waitFor({ timeout: 60_000 });
    expect(await steps.getAttribute('data-ok')).toBe('false');
    const failure = byId('profile-test-steps-error').first();
    expect(await failure.getAttribute('data-error-id')).toBe('ews.auth.unauthorized');
    expect(await byId('profile-test-steps-error-title').first().innerText()).toContain('401');
    expect(await byId('profile-test-steps-error-fix').first().innerText()).toMatch(/password/i);
    const failureMessage = await byId('profile-test-steps-error-message').first().innerText();
    expect(failureMessage).toContain('401 Unauthorized');
    expect(failureMessage).not.toMatch(/\{\w+\}/); // every catalogue placeholder filled (e.g. {username})
    await shot('02-profile-wrong-password');

    await byId('profile-password').fill('Passw0rd!');
    await byId('profile-save').click();
    await byId('profile-saved').waitFor();
    await expect.poll(() => byId('profile-password').inputValue()).toBe('');
    await byId('profile-password-stored').waitFor();
    await byId('profile-test-run').click();
    await page.locator('[data-testid=profile-test-steps][data-ok=true]').waitFor({ timeout: 60_000 });
    const statuses = await page
      .locator('[data-testid=profile-test-steps-step]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses).not.toContain('fail');
    await shot('03-profile-test-passed');
  }, 180_000);

  it('browses mailboxes with search-as-you-type, a folder tree with counts and a preview', async () => {
    await byId('nav-browse').click();
    await byId('mailbox-item').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid=browse-loading]'), undefined, { timeout: 60_000 });
    await byId('browse-search').fill('anna.sch');
    const anna = page.locator('[data-testid=mailbox-item][data-smtp="anna.schmidt@contoso.com"]');
    await anna.waitFor();
    expect(await byId('mailbox-item').count()).toBeLessThan(5);
    await anna.click();
    const calendar = page.locator('[data-testid=folder-item][data-folder-name="Kalender"]').first();
    await calendar.waitFor({ timeout: 60_000 });
    expect(Number(await calendar.getByTestId('folder-count').first().innerText())).toBeGreaterThan(0);
    await calendar.locator('> div').first().click();
    await byId('browse-preview').waitFor({ timeout: 60_000 });
    expect(await byId('preview-event').count()).toBeGreaterThan(0);
    // An occurrence's detail pane states its series' pattern, read from the master (the daily stand-up is near).
    const patterns: string[] = [];
    for (let i = 0; i < Math.min(10, await byId('preview-event').count()) && !patterns.length; i++) {
      await byId('preview-event').nth(i).click();
      await byId('event-detail').waitFor();
      if (await byId('event-detail-pattern').count()) patterns.push(await byId('event-detail-pattern').innerText());
    }
    expect(patterns[0]).toMatch(/^Every (day|week|2 weeks)/);
    expect(patterns[0]).toMatch(/, (from .* until .*|from .*, ending after \d+ occurrences|from .*, no end date)$/);
    await shot('04-browse');
  }, 180_000);

  it('creates a job, runs it to 100 %, and shows the run in history with files on disk', async () => {
    const outDir = join(env.workDir, 'export');
    await byId('nav-jobs').click();
    await byId('jobs-empty').waitFor();
    await byId('jobs-add').click();
    await byId('job-name').fill('Team calendars');
    // Pasted addresses are checked against the directory at once.
    await byId('job-mailboxes-paste').fill('anna.schmidt@contoso.com\njan.devries@contoso.com\nalice.smith@contoso.com');
    await byId('job-mailboxes-paste-check').click();
    await expect.poll(() => byId('job-mailboxes-chip').count(), { timeout: 30_000 }).toBe(3);
    await byId('job-daysBack').fill('7');
    await byId('job-daysAhead').fill('30');
    await byId('job-targetPath').fill(outDir);
    await shot('05-job-editor');
    await byId('job-save').click();
    const card = page.locator('[data-testid=job-card][data-job-name="Team calendars"]');
    await card.waitFor();
    await card.getByTestId('job-run').click();
    await card.locator('[data-testid=job-progress][data-percent="100"]').waitFor({ timeout: 120_000 });
    await page.locator('[data-testid=job-card][data-job-name="Team calendars"][data-running=false]').waitFor({ timeout: 60_000 });
    expect(await card.getByTestId('job-status').innerText()).toBe('Succeeded');
    expect(await card.getByTestId('job-mailbox-bar').count()).toBe(3);
    const run = byId('history-run').first();
    await run.waitFor({ timeout: 30_000 });
    expect(await run.getAttribute('data-status')).toBe('ok');
    await run.click();
    await shot('06-jobs-history');

    const files = (await filesIn(outDir)).filter((f) => f.endsWith('.ics'));
    expect(files.length).toBe(3);
    const anna = files.find((f) => f.includes('anna.schmidt'));
    expect(anna).toBeDefined();
    expect(await readFile(join(outDir, anna!), 'utf8')).toContain('BEGIN:VCALENDAR');
  }, 240_000);

  it('a failed run turns the header badge to "Last run failed"; the next run that succeeds clears it', async () => {
    const badge = byId('app-state');
    const card = page.locator('[data-testid=job-card][data-job-name="Team calendars"]');
    const setPassword = async (password: string) => {
      await byId('nav-profiles').click();
      await byId('profiles-item').filter({ hasText: 'Contoso sim' }).first().click();
      await byId('profile-password').fill(password);
      await byId('profile-save').click();
      await byId('profile-saved').waitFor();
    };
    const runJob = async (status: string) => {
      await byId('nav-jobs').click();
      await card.getByTestId('job-run').click();
      await expect.poll(() => card.getByTestId('job-status').innerText(), { timeout: 120_000 }).toBe(status);
    };
    await expect.poll(() => badge.innerText(), { timeout: 30_000 }).toBe('Idle');

    await setPassword('not-the-password');
    await runJob('Failed');
    await expect.poll(() => badge.innerText(), { timeout: 30_000 }).toBe('Last run failed');
    // The badge opens Home, where the failing job is marked.
    await byId('app-state-button').click();
    await page.locator('[data-testid=home-job][data-status=failed]').waitFor({ timeout: 30_000 });
    await shot('07-home-failing');

    await setPassword('Passw0rd!');
    // Fixing the profile alone proves nothing yet: the badge stays until a run succeeds.
    expect(await badge.innerText()).toBe('Last run failed');
    await runJob('Succeeded');
    await expect.poll(() => badge.innerText(), { timeout: 30_000 }).toBe('Idle');
    await byId('app-state-button').click();
    await page.locator('[data-testid=home-job][data-status=ok]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=home-job][data-status=failed]').count()).toBe(0);
  }, 300_000);

  it('shows logs, doctor, setup and settings, and switches the language', async () => {
    await byId('nav-logs').click();
    await byId('log-line').first().waitFor({ timeout: 30_000 });
    await byId('logs-level').selectOption('debug');
    await shot('08-logs');

    await byId('nav-doctor').click();
    await byId('doctor-run').click();
    await page.locator('[data-testid=doctor-steps][data-ok],[data-testid=doctor-error]').first().waitFor({ timeout: 90_000 });
    await shot('09-doctor');

    await byId('nav-setup').click();
    await byId('setup-generate').click();
    await page.locator('[data-testid=setup-script],[data-testid=setup-error]').first().waitFor({ timeout: 30_000 });
    await shot('10-setup');

    await byId('nav-settings').click();
    await byId('settings-language').selectOption('de');
    await expect.poll(() => byId('nav-jobs').innerText()).toContain('Aufträge');
    await shot('11-settings-de');
    await byId('settings-language').selectOption('en');
    await expect.poll(() => byId('nav-jobs').innerText()).toContain('Jobs');
    expect(env.problems).toEqual([]);
  }, 180_000);
});
