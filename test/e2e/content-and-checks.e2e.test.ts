// Issue 16 in the UI, end to end in Chromium through `calpump serve` and the simulator: the write check on the
// profile screen (a mailbox with Editor rights passes; one with Reviewer only names the missing right and its fix;
// either way no test item is left behind), and a contacts export job made in the job editor — its contacts folders
// ticked in the tree — run to a report that lists the files it wrote.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { JobView } from '../../src/shared/rpc.js';
import { translate } from '../../src/shared/i18n/index.js';
import { expectedContacts } from '../../src/sim/world/expected-items.js';
import { waitUntil } from '../support/wait-until.js';
import { describeInChromium } from './support/chromium-gate.js';
import { filesIn, startE2e, type E2eEnvironment } from './support/harness.js';

const LONG = { timeout: 90_000 };

describeInChromium('contacts jobs and the write check in the browser', () => {
  let env: E2eEnvironment;
  let page: Page;
  const byId = (id: string) => page.getByTestId(id);
  const leftovers = () => [...env.sim.world.events.values()].filter((e) => e.subject.startsWith('Calpump write check'));

  beforeAll(async () => {
    env = await startE2e({ seed: 7, viewport: { width: 1366, height: 768 } });
    page = env.page;
    const tls = env.sim.caFile ? { caFile: env.sim.caFile } : {};
    for (const [name, username, access] of [
      ['Contoso', 'svc-calpump@contoso.com', 'impersonation'],
      ['Delegate', 'svc-delegate@contoso.com', 'delegate'],
    ] as const) {
      const r = await env.serve.dispatcher.call('profiles.create', {
        profile: { kind: 'ews', name, url: env.sim.ewsUrl, auth: 'basic', username, access, tls, proxy: { mode: 'none' } },
        secrets: { password: 'Passw0rd!' },
      });
      expect(r.ok).toBe(true);
    }
    await page.goto(env.serve.url);
  }, 600_000);

  afterAll(async () => {
    await env?.stop();
  }, 60_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await env?.shot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  it('tests write access: Editor passes with nothing left behind; Reviewer only names the Editor right and its fix', async () => {
    await page.evaluate(() => (window.location.hash = '#/profiles'));
    await page.locator('[data-testid=profiles-item][data-profile-name=Delegate]').click();
    await byId('profile-form').waitFor(LONG);
    await byId('profile-test-mailbox').fill('bob.jones@contoso.com');
    await byId('profile-test-write').click();
    // Steps stream in while it runs; data-ok is set once the last one finished.
    await page.locator('[data-testid=profile-test-steps][data-ok=true]').waitFor(LONG);
    const steps = page.locator('[data-testid=profile-test-steps-step]');
    const statusOf = async (id: string) =>
      page.locator(`[data-testid=profile-test-steps-step][data-step-id="${id}"]`).getAttribute('data-status');
    expect(await steps.count()).toBeGreaterThan(3);
    for (const id of ['write.create', 'write.readBack', 'write.delete']) expect(await statusOf(id)).toBe('pass');
    expect(await page.locator('[data-testid=profile-test-write-leftover]').getAttribute('data-count')).toBe('0');
    expect(await byId('profile-test-write-leftover').innerText()).toBe(translate('en', 'profile.test.write.clean'));
    expect(leftovers()).toEqual([]);

    await byId('profile-test-mailbox').fill('alice.smith@contoso.com');
    await byId('profile-test-write').click();
    await page.locator('[data-testid=profile-test-steps][data-ok=false]').waitFor(LONG);
    expect(await statusOf('write.create')).toBe('fail');
    expect(await statusOf('write.delete')).toBe('skipped');
    const failure = byId('profile-test-steps-error').first();
    expect(await failure.getAttribute('data-error-id')).toBe('write.right.editor');
    expect(await byId('profile-test-steps-error-fix').first().innerText()).toContain('-AccessRights Editor');
    expect(await page.locator('[data-testid=profile-test-write-leftover]').getAttribute('data-count')).toBe('0');
    expect(leftovers()).toEqual([]);
    await env.shot('write-check-denied');
  }, 240_000);

  it('creates a contacts export job in the editor, runs it, and the report lists the files', async () => {
    const outDir = join(env.workDir, 'contacts');
    await page.evaluate(() => (window.location.hash = '#/jobs'));
    await byId('jobs-add').click();
    await byId('job-name').fill('CRM contacts');
    const contoso = await env.serve.dispatcher.call('profiles.list', {});
    const profileId = contoso.ok
      ? (contoso.output as { profiles: Array<{ profile: { id: string; name: string } }> }).profiles.find(
          (p) => p.profile.name === 'Contoso',
        )!.profile.id
      : '';
    await byId('job-profile').selectOption(profileId);
    await byId('job-mailboxes-paste').fill('anna.schmidt@contoso.com\njan.devries@contoso.com');
    await byId('job-mailboxes-paste-check').click();
    await expect.poll(() => byId('job-mailboxes-chip').count(), { timeout: 30_000 }).toBe(2);
    await byId('job-content').selectOption('contacts');
    // The tree now shows the first mailbox's contacts folders, the main one ticked.
    const main = page.locator('[data-testid=job-folders-item][data-folder-kind=contacts]').first();
    await main.waitFor(LONG);
    expect(await page.locator('[data-testid=job-folders-item]:not([data-folder-kind=contacts])').count()).toBe(0);
    expect(await main.locator('input[type=checkbox]').first().isChecked()).toBe(true);
    expect(await byId('job-daysBack').count()).toBe(0);
    const formats = await byId('job-format')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(formats).not.toContain('ics');
    await byId('job-format').selectOption('csv');
    await byId('job-targetPath').fill(outDir);
    await env.shot('job-editor-contacts');
    await byId('job-save').click();
    const card = page.locator('[data-testid=job-card][data-job-name="CRM contacts"]');
    await card.waitFor(LONG);
    await card.getByTestId('job-run').click();
    let jobId = '';
    await waitUntil(
      async () => {
        const r = await env.serve.dispatcher.call('jobs.list', {});
        const view = r.ok ? (r.output as { jobs: JobView[] }).jobs.find((j) => j.job.name === 'CRM contacts') : undefined;
        jobId = view?.job.id ?? '';
        return view?.lastRun?.status === 'ok';
      },
      'the contacts job to finish its run',
      { timeoutMs: 120_000, everyMs: 500 },
    );
    await page.evaluate((h) => (window.location.hash = h), `#/jobs/${jobId}`);
    await page.locator('[data-testid=run-report][data-status=ok]').waitFor(LONG);
    const reported = await page.locator('[data-testid=run-report-file]').allInnerTexts();
    expect(reported.length).toBe(2);
    expect(reported.join('\n')).toContain('anna.schmidt');
    const files = await filesIn(outDir);
    expect(files.length).toBe(2);
    const anna = files.find((f) => f.includes('anna.schmidt'))!;
    const csv = await readFile(join(outDir, anna), 'utf8');
    const expected = expectedContacts(env.sim.world, 'anna.schmidt@contoso.com');
    expect(expected.length).toBeGreaterThan(0);
    for (const c of expected) expect(csv).toContain(c.displayName);
    await env.shot('run-report-contacts');
    expect(env.problems).toEqual([]);
  }, 300_000);

  it('opens a broken jobs.json entry from Home in the job editor with the field marked; saving repairs it', async () => {
    const list = await env.serve.dispatcher.call('profiles.list', {});
    const profiles = list.ok ? (list.output as { profiles: Array<{ profile: { id: string } }> }).profiles : [];
    const made = await env.serve.dispatcher.call('jobs.create', {
      job: {
        name: 'Door signs',
        profile: profiles[0].profile.id,
        mailboxes: { mode: 'allRooms' },
        target: { kind: 'folder', path: join(env.workDir, 'signs') },
      },
    });
    expect(made.ok).toBe(true);
    // Edited by hand: a relative target path, which the store refuses to run.
    const file = join(env.configDir, 'jobs.json');
    const doc = JSON.parse(await readFile(file, 'utf8')) as { jobs: Array<{ name: string; target: { path: string } }> };
    doc.jobs.find((j) => j.name === 'Door signs')!.target.path = 'signs';
    await writeFile(file, JSON.stringify(doc, null, 2));

    await page.evaluate(() => (window.location.hash = '#/home'));
    await page.reload();
    const entry = byId('home-broken-entry');
    await entry.waitFor(LONG);
    await entry.getByTestId('home-broken-open').click();
    await page.locator('[data-testid=job-broken][data-field=targetPath]').waitFor(LONG);
    expect(await byId('job-targetPath').inputValue()).toBe('signs');
    expect(await byId('job-targetPath-error').innerText()).toBe(translate('en', 'validation.absolutePath'));
    await env.shot('job-repair');
    await byId('job-targetPath').fill(join(env.workDir, 'signs'));
    await byId('job-save').click();
    await page.locator('[data-testid=job-card][data-job-name="Door signs"]').waitFor(LONG);
    const after = await env.serve.dispatcher.call('jobs.list', {});
    expect(after.ok && (after.output as { broken?: unknown[] }).broken).toEqual([]);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { jobs: Array<{ name: string; target: { path: string } }> };
    expect(saved.jobs.find((j) => j.name === 'Door signs')!.target.path).toBe(join(env.workDir, 'signs'));
    expect(env.problems).toEqual([]);
  }, 240_000);
});
