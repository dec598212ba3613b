// @vitest-environment jsdom
// The job editor for the issue-7 job types and options: the Include attendees checkbox (with its hint) reaches
// filters.includeAttendees; a presence job picks a saved rule table and always writes JSON to a folder; an import
// job is edited without mailboxes or target (its import document names the mailboxes).
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyJobForm, jobFormFromJob } from '../../../../src/renderer/models/job-form-model.js';
import { JobEditor } from '../../../../src/renderer/views/jobs/JobEditor.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import { jobSchema, type JobView, type ProfileView } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';
import { directoryHandlers, pickMailboxes } from '../../support/directory.js';

afterEach(cleanup);

const profiles = [{ profile: { id: 'p1', name: 'Contoso' }, secrets: {} }] as unknown as ProfileView[];
const field = (f: string) => screen.getByTestId<HTMLInputElement>(`job-${f}`);
const set = (f: string, value: string) => {
  fireEvent.change(field(f), { target: { value } });
  fireEvent.blur(field(f));
};

function mount(initial = emptyJobForm('p1'), isNew = true) {
  const answer = (i: Record<string, unknown>) => ({ job: jobSchema.parse({ ...(i.job as object), id: 'j1' }), state: 'idle' });
  const fake = fakeClient({
    ...directoryHandlers(),
    'jobs.create': answer,
    'jobs.update': answer,
    'presence.tables.list': () => ({
      tables: [
        { name: 'default', saved: false, rules: 9 },
        { name: 'door-signs', saved: true, rules: 2 },
      ],
    }),
  });
  const saved: JobView[] = [];
  renderWithApp(
    <JobEditor
      initial={initial}
      isNew={isNew}
      profiles={profiles}
      onSaved={(v) => saved.push(v)}
      onClose={() => undefined}
      onRemoved={() => undefined}
    />,
    fake.client,
  );
  return { ...fake, saved };
}

describe('JobEditor: attendees, presence and import jobs', () => {
  it('has an Include attendees checkbox, on by default with its hint; off is sent as filters.includeAttendees false', async () => {
    const { calls, saved } = mount();
    expect(field('includeAttendees').checked).toBe(true);
    expect(screen.getByText(translate('en', 'jobs.includeAttendees.hint'))).toBeTruthy();
    set('name', 'Door signs');
    await pickMailboxes('job-mailboxes', ['room.amsterdam@contoso.com']);
    set('targetPath', '/srv/signs');
    fireEvent.click(field('includeAttendees'));
    expect(field('includeAttendees').checked).toBe(false);
    await act(async () => fireEvent.click(screen.getByTestId('job-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls.find((c) => c.method === 'jobs.create')!.input).toMatchObject({ job: { filters: { includeAttendees: false } } });
    expect(saved[0].job.filters.includeAttendees).toBe(false);
  });

  it('an edited job keeps includeAttendees as stored', () => {
    const stored = jobSchema.parse({
      id: 'j9',
      name: 'Rooms',
      profile: 'p1',
      mailboxes: { mode: 'allRooms' },
      target: { kind: 'folder', path: '/x' },
      filters: { includeAttendees: false },
    });
    mount(jobFormFromJob(stored), false);
    expect(field('includeAttendees').checked).toBe(false);
  });

  it('creates a presence job with a saved rule table and look-ahead; JSON to a folder, webhook refused', async () => {
    const { calls, saved } = mount();
    fireEvent.change(field('jobType'), { target: { value: 'presence' } });
    await waitFor(() => expect(screen.getByRole('option', { name: 'door-signs' })).toBeTruthy(), { timeout: 10_000 });
    expect(screen.getByTestId('job-presence-hint').textContent).toContain('/feeds/');
    expect(screen.queryByTestId('job-includeAttendees')).toBeNull();
    set('name', 'Status board');
    await pickMailboxes('job-mailboxes', ['anna.schmidt@contoso.com']);
    fireEvent.change(field('presenceTable'), { target: { value: 'door-signs' } });
    set('presenceLookahead', '48');
    fireEvent.change(field('targetKind'), { target: { value: 'webhook' } });
    fireEvent.click(screen.getByTestId('job-save'));
    expect(screen.getByTestId('job-targetKind-error').textContent).toBe(translate('en', 'validation.freebusyTarget'));
    fireEvent.change(field('targetKind'), { target: { value: 'folder' } });
    set('targetPath', '/srv/presence');
    await act(async () => fireEvent.click(screen.getByTestId('job-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls.find((c) => c.method === 'jobs.create')!.input).toMatchObject({
      job: {
        type: 'presence',
        presence: { table: 'door-signs', lookaheadHours: 48 },
        format: 'json',
        target: { kind: 'folder', path: '/srv/presence' },
      },
    });
  });

  it('a look-ahead that is not a whole number of hours is a field error', () => {
    const { calls } = mount();
    fireEvent.change(field('jobType'), { target: { value: 'presence' } });
    set('presenceLookahead', 'soon');
    fireEvent.click(screen.getByTestId('job-save'));
    expect(screen.getByTestId('job-presenceLookahead-error').textContent).toBe(translate('en', 'validation.invalid'));
    expect(calls.filter((c) => c.method === 'jobs.create')).toEqual([]);
  });

  it('edits an import job without mailboxes or target and saves it that way', async () => {
    const stored = jobSchema.parse({
      id: 'j2',
      type: 'import',
      import: { id: 'abs', source: { path: '/srv/abs.csv' }, mailboxes: ['anna.schmidt@contoso.com'] },
      name: 'Absences',
      profile: 'p1',
    });
    const { calls, saved } = mount(jobFormFromJob(stored), false);
    expect(screen.getByTestId('job-import-mailboxes').textContent).toBe(translate('en', 'jobs.import.mailboxesFromDocument', { count: 1 }));
    expect(screen.queryByTestId('job-mailboxes')).toBeNull();
    expect(screen.queryByTestId('job-targetKind')).toBeNull();
    set('name', 'Absences HR');
    await act(async () => fireEvent.click(screen.getByTestId('job-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    const sent = calls.find((c) => c.method === 'jobs.update')!.input.job as Record<string, unknown>;
    expect(sent).toMatchObject({ type: 'import', name: 'Absences HR', import: { id: 'abs' } });
    expect(sent.mailboxes).toBeUndefined();
    expect(sent.target).toBeUndefined();
  });
});
