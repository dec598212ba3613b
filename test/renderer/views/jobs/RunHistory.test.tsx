// @vitest-environment jsdom
// A job's run history: one table of runs, newest first (one Tab stop, the rows focusable for the arrow keys), and
// below it the report of the newest run until another row is opened with a click or Enter; the feed URLs of a
// run are a table as well, not one Tab stop per mailbox.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RunHistory } from '../../../../src/renderer/views/jobs/RunHistory.js';
import { runRecordSchema, type RunRecord } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);

function run(runId: string, startedAt: string, over: Partial<RunRecord> = {}): RunRecord {
  return runRecordSchema.parse({
    runId,
    jobId: 'j1',
    jobName: 'Calendars',
    trigger: 'schedule',
    dryRun: false,
    startedAt,
    finishedAt: startedAt.replace(':00.000Z', ':05.000Z'),
    status: 'ok',
    mailboxesOk: 2,
    mailboxesFailed: 0,
    items: 10,
    itemsWritten: 10,
    errors: [],
    ...over,
  });
}

const runs = [
  run('old', '2026-12-05T08:00:00.000Z', { status: 'failed', mailboxesOk: 0, mailboxesFailed: 1, items: 0, itemsWritten: 0 }),
  run('new', '2026-12-06T08:00:00.000Z', {
    feeds: [
      { mailbox: 'anna@contoso.com', path: '/feeds/j1/anna@contoso.com.ics' },
      { mailbox: 'jan@contoso.com', path: '/feeds/j1/jan@contoso.com.ics' },
    ],
  }),
];

const mount = (lang: 'en' | 'de' = 'en') =>
  renderWithApp(
    <RunHistory jobId="j1" refreshKey={0} />,
    fakeClient({
      'jobs.history': () => ({ runs }),
      'feeds.info': () => ({ baseUrl: 'http://127.0.0.1:8470/feeds', token: 'tok' }),
      'app.version': () => ({ features: {} }),
    }).client,
    lang,
  );

describe('RunHistory', () => {
  it('lists the runs newest first in one table and shows the newest run report', async () => {
    mount();
    const rows = await screen.findAllByTestId('history-run');
    expect(rows.map((r) => r.getAttribute('data-run-id'))).toEqual(['new', 'old']);
    expect(rows.every((r) => r.tabIndex === 0)).toBe(true);
    expect(rows[0].getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByTestId('run-report')).toHaveLength(1);
    expect(screen.getByTestId('run-report').getAttribute('data-status')).toBe('ok');
  });

  it('opens an older run with Enter and a click', async () => {
    mount();
    const older = (await screen.findAllByTestId('history-run'))[1];
    fireEvent.keyDown(older, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('run-report').getAttribute('data-status')).toBe('failed'));
    expect(older.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getAllByTestId('history-run')[0]);
    await waitFor(() => expect(screen.getByTestId('run-report').getAttribute('data-status')).toBe('ok'));
  });

  it('shows the feed URLs as one table with a copy button per mailbox', async () => {
    mount();
    const table = await screen.findByTestId('run-report-feed-table');
    const feedRows = within(table).getAllByTestId('run-report-feed-row');
    expect(feedRows).toHaveLength(2);
    expect(within(feedRows[0]).getByTestId('run-report-feed').textContent).toBe(
      'http://127.0.0.1:8470/feeds/j1/anna@contoso.com.ics?token=tok',
    );
    expect(within(feedRows[0]).getByRole('button').textContent).toBe('Copy feed URL');
  });
});
