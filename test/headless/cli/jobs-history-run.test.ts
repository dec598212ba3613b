// `calpump jobs history <job> --run-id <id>`: one run from the shared run history in full, with the items it left
// out (mailbox, folder, id, subject, the reason in the terminal's language and its fix once) and their total.
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { RunHistory } from '../../../src/core/store/run-history.js';
import { renderError } from '../../../src/shared/i18n/catalogue.js';
import { runRecordSchema, type Job, type RunRecord } from '../../../src/shared/job.js';
import { addDemoProfile, cliJson, runCli, tempConfigDir } from './helpers.js';

const RUN_ID = '3f2a9c41-7d2e-4b8a-9a51-0c7e1d2f4a10';
const unsupported = (itemId: string) => ({
  id: 'ews.item.unsupported',
  params: { itemId, itemClass: 'MeetingRequest', mailbox: 'anna.schmidt@contoso.com', folder: 'calendar' },
});

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function jobWithRun(): Promise<{ job: Job; record: RunRecord }> {
  dir = await tempConfigDir();
  expect((await addDemoProfile(dir)).code).toBe(0);
  const add = await runCli(
    ['--config-dir', dir, 'jobs', 'add', '--name', 'Anna', '--profile', 'demo', '--mailbox', 'anna.schmidt@contoso.com'].concat([
      '--out',
      `${dir}/out`,
      '--json',
    ]),
  );
  expect(add.code).toBe(0);
  const job = cliJson<Job>(add);
  const record = runRecordSchema.parse({
    runId: RUN_ID,
    jobId: job.id,
    jobName: job.name,
    trigger: 'schedule',
    dryRun: false,
    startedAt: '2026-12-06T08:00:00.000Z',
    finishedAt: '2026-12-06T08:00:04.000Z',
    status: 'partial',
    mailboxesOk: 1,
    mailboxesFailed: 0,
    items: 12,
    itemsWritten: 12,
    itemsSkipped: 130,
    skipped: [
      {
        mailbox: 'anna.schmidt@contoso.com',
        folder: 'calendar',
        item: 'AAMkSkip1',
        subject: 'Weekly planning',
        reason: unsupported('AAMkSkip1'),
      },
      { mailbox: 'anna.schmidt@contoso.com', folder: 'calendar', item: 'AAMkSkip2', reason: unsupported('AAMkSkip2') },
    ],
    errors: [],
    mailboxes: [{ mailbox: 'anna.schmidt@contoso.com', ok: true, items: 12, itemsWritten: 12 }],
  });
  await new RunHistory(dir).finished(record);
  return { job, record };
}

describe('calpump jobs history --run-id', () => {
  it('shows one run with the items it left out, their total and each reason once', async () => {
    await jobWithRun();
    const list = await runCli(['--config-dir', dir, 'jobs', 'history', 'Anna']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/RUN\s+STARTED/);
    expect(list.stdout).toContain(RUN_ID.slice(0, 8));

    const r = await runCli(['--config-dir', dir, 'jobs', 'history', 'Anna', '--run-id', RUN_ID.slice(0, 8)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('130 items left out');
    expect(r.stdout).toContain('the first 2');
    expect(r.stdout).toMatch(/anna\.schmidt@contoso\.com\s+calendar\s+AAMkSkip1\s+Weekly planning/);
    expect(r.stdout).toMatch(/AAMkSkip2\s+-\s+/);
    const title = renderError(unsupported('x'), 'en').title;
    expect(r.stdout.split(`✗ ${title}`)).toHaveLength(2);
  });

  it('speaks German with --lang de, and gives the record as JSON', async () => {
    const { record } = await jobWithRun();
    const de = await runCli(['--config-dir', dir, '--lang', 'de', 'jobs', 'history', 'Anna', '--run-id', RUN_ID]);
    expect(de.code).toBe(0);
    expect(de.stdout).toContain('130 Elemente ausgelassen');
    expect(de.stdout).toContain(renderError(unsupported('x'), 'de').title);
    const json = await runCli(['--config-dir', dir, 'jobs', 'history', 'Anna', '--run-id', RUN_ID, '--json']);
    expect(cliJson<RunRecord>(json).skipped).toEqual(record.skipped);
  });

  it('names a run id the history does not hold', async () => {
    await jobWithRun();
    const r = await runCli(['--config-dir', dir, 'jobs', 'history', 'Anna', '--run-id', 'ffff0000']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(renderError({ id: 'pump.runNotFound', params: { job: 'Anna', run: 'ffff0000' } }, 'en').title);
    expect(r.stderr).toContain('ffff0000');
  });
});
