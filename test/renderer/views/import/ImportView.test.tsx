// @vitest-environment jsdom
// The import screen: field problems stop the call; a dry run sends the job built from the form and shows the
// per-mailbox counts and the unreadable rows with their line numbers; Import calls import.run.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportView } from '../../../../src/renderer/views/import/ImportView.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import type { ProfileView } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const profiles = [{ profile: { id: 'p1', name: 'Contoso', kind: 'ews' }, secrets: {} }] as unknown as ProfileView[];
const mb = (mailbox: string, creates: number, deletes: number) => ({
  mailbox,
  ok: true,
  creates,
  updates: 0,
  deletes,
  unchanged: 0,
  failed: 0,
  errors: [],
});
const report = (dryRun: boolean) => ({
  job: 'absences',
  dryRun,
  aborted: false,
  documents: ['/srv/a.csv'],
  rows: 4,
  rowErrors: [
    {
      file: '/srv/a.csv',
      line: 4,
      problem: 'start is not a date',
      error: { id: 'import.row.invalid', params: { file: '/srv/a.csv', line: '4', problem: 'start is not a date' } },
    },
  ],
  mailboxes: [mb('a@contoso.com', 2, 0), mb('b@contoso.com', 1, 1)],
  totals: { creates: 3, updates: 0, deletes: 1, unchanged: 0, failed: 0 },
});

function mount() {
  const fake = fakeClient({ 'profiles.list': () => ({ profiles }), 'import.plan': () => report(true), 'import.run': () => report(false) });
  renderWithApp(<ImportView profileId="p1" onProfile={() => undefined} onNavigate={() => undefined} />, fake.client);
  return fake;
}
const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe('ImportView', () => {
  it('offers a file picker for the source, showing files it can read', async () => {
    const fake = fakeClient({ 'profiles.list': () => ({ profiles }), 'fs.list': () => ({ path: '/srv', roots: [], entries: [] }) });
    renderWithApp(<ImportView profileId="p1" onProfile={() => undefined} onNavigate={() => undefined} />, fake.client);
    fireEvent.click(screen.getByTestId('import-path-browse'));
    await screen.findByTestId('import-path-dialog');
    await waitFor(() =>
      expect(fake.calls.find((c) => c.method === 'fs.list')?.input).toEqual({ extensions: ['csv', 'ics', 'json', 'ndjson'] }),
    );
  });

  it('shows what is missing and sends nothing', () => {
    const { calls } = mount();
    change('import-jobId', 'bad id');
    fireEvent.click(screen.getByTestId('import-dryRun'));
    expect(screen.getByText(translate('en', 'import.problem.name'))).toBeTruthy();
    expect(screen.getByText(translate('en', 'validation.required'))).toBeTruthy();
    expect(calls.filter((c) => c.method.startsWith('import.'))).toEqual([]);
  });

  it('dry run: sends the job, shows counts per mailbox, totals and row errors with line numbers; then runs', async () => {
    const { calls } = mount();
    change('import-path', '/srv/a.csv');
    change('import-mailboxes', 'a@contoso.com');
    change('import-showAs', 'busy');
    change('import-category', 'HR');
    await act(async () => fireEvent.click(screen.getByTestId('import-dryRun')));
    await waitFor(() => expect(screen.getByTestId('import-report')).toBeTruthy());
    expect(calls.find((c) => c.method === 'import.plan')!.input).toMatchObject({
      profileId: 'p1',
      job: { id: 'absences', source: { path: '/srv/a.csv' }, mailboxes: ['a@contoso.com'], showAs: 'busy', categories: ['HR'] },
    });
    expect((calls.find((c) => c.method === 'import.plan')!.input.job as Record<string, unknown>).reminderMinutes).toBeUndefined();
    expect(screen.getByTestId('import-report').textContent).toContain(translate('en', 'import.planned'));
    expect(screen.getByTestId('import-row-b@contoso.com-deletes').textContent).toBe('1');
    expect(screen.getByTestId('import-total-creates').textContent).toBe('3');
    expect(screen.getByTestId('import-row-errors').textContent).toContain('/srv/a.csv, line 4: start is not a date');
    await act(async () => fireEvent.click(screen.getByTestId('import-run')));
    await waitFor(() => expect(screen.getByTestId('import-report').textContent).toContain(translate('en', 'import.done')));
    expect(calls.filter((c) => c.method === 'import.run')).toHaveLength(1);
  });
});
