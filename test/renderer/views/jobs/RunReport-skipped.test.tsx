// @vitest-environment jsdom
// The run report names the items a run left out: how many in all, the first of them with mailbox, folder, subject
// (or only the id) and the reason in the UI language, and each reason's fix once.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RunReport } from '../../../../src/renderer/views/jobs/RunReport.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import { runRecordSchema, type RunRecord } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);

const unsupported = (itemId: string) => ({
  id: 'ews.item.unsupported',
  params: { itemId, itemClass: 'MeetingRequest', mailbox: 'anna@contoso.com', folder: 'calendar' },
});

function run(over: Partial<RunRecord>): RunRecord {
  return runRecordSchema.parse({
    runId: 'r1',
    jobId: 'j1',
    jobName: 'Calendars',
    trigger: 'manual',
    dryRun: false,
    startedAt: '2026-12-06T08:00:00.000Z',
    finishedAt: '2026-12-06T08:00:05.000Z',
    status: 'partial',
    mailboxesOk: 1,
    mailboxesFailed: 0,
    items: 10,
    itemsWritten: 10,
    errors: [],
    ...over,
  });
}

const mount = (r: RunRecord, lang: 'en' | 'de' = 'en') =>
  renderWithApp(<RunReport run={r} />, fakeClient({ 'feeds.info': () => ({}), 'app.version': () => ({ features: {} }) }).client, lang);

describe('RunReport: items left out', () => {
  it('lists each skipped item with where, which and why, says how many there were in all, and shows each fix once', async () => {
    mount(
      run({
        itemsSkipped: 140,
        skipped: [
          { mailbox: 'anna@contoso.com', folder: 'calendar', item: 'AAMk1', subject: 'Planning', reason: unsupported('AAMk1') },
          { mailbox: 'anna@contoso.com', folder: 'calendar', item: 'AAMk2', reason: unsupported('AAMk2') },
        ],
      }),
    );
    const section = await screen.findByTestId('run-report-skipped');
    expect(section.textContent).toContain(translate('en', 'report.skipped', { total: 140 }));
    expect(section.textContent).toContain(translate('en', 'report.skippedFirst', { shown: 2 }));
    const rows = within(section).getAllByTestId('run-report-skipped-item');
    expect(rows.map((r) => r.getAttribute('data-item'))).toEqual(['AAMk1', 'AAMk2']);
    expect(rows[0].textContent).toContain('Planning');
    expect(rows[0].textContent).toContain('anna@contoso.com');
    expect(rows[1].textContent).toContain('AAMk2');
    expect(rows[0].textContent).toContain('A non-calendar item in a calendar folder was left out');
    // Two items, one reason: one fix.
    expect(within(section).getAllByTestId('run-report-skip-reason')).toHaveLength(1);
  });

  it('speaks the UI language', async () => {
    mount(
      run({
        itemsSkipped: 1,
        skipped: [{ mailbox: 'anna@contoso.com', folder: 'calendar', item: 'AAMk1', reason: unsupported('AAMk1') }],
      }),
      'de',
    );
    const section = await screen.findByTestId('run-report-skipped');
    expect(section.textContent).toContain(translate('de', 'report.skipped', { total: 1 }));
    expect(section.textContent).not.toContain('left out');
  });

  it('shows nothing about skipped items for a run that left none out', () => {
    mount(run({ status: 'ok' }));
    expect(screen.queryByTestId('run-report-skipped')).toBeNull();
  });
});
