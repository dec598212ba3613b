// @vitest-environment jsdom
// The job editor's field choice: every field ticked by default (the job stores no selection), unticking sends
// the rest in catalogue order, none ticked is a field error, and database targets do not offer the choice.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyJobForm, jobFormFromJob } from '../../../../src/renderer/models/job-form-model.js';
import { JobEditor } from '../../../../src/renderer/views/jobs/JobEditor.js';
import { EVENT_FIELDS } from '../../../../src/shared/event-fields.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import { jobSchema, type Job, type JobView, type ProfileView } from '../../../../src/shared/rpc.js';
import { directoryHandlers, pickMailboxes } from '../../support/directory.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);

const profiles = [{ profile: { id: 'p1', name: 'Contoso' }, secrets: {} }] as unknown as ProfileView[];
const field = (f: string) => screen.getByTestId<HTMLInputElement>(`job-${f}`);
const box = (name: string) => screen.getByTestId<HTMLInputElement>(`job-field-${name}`);

function mount() {
  const fake = fakeClient({
    ...directoryHandlers(),
    'jobs.create': (i) => ({ job: { ...jobSchema.parse({ ...(i.job as object), id: 'j1' }) }, state: 'idle' }),
  });
  const saved: JobView[] = [];
  renderWithApp(
    <JobEditor
      initial={emptyJobForm('p1')}
      isNew
      profiles={profiles}
      onSaved={(v) => saved.push(v)}
      onClose={() => undefined}
      onRemoved={() => undefined}
    />,
    fake.client,
  );
  return { ...fake, saved };
}

async function fillBasics() {
  fireEvent.change(field('name'), { target: { value: 'Door signs' } });
  await pickMailboxes('job-mailboxes', ['room.amsterdam@contoso.com']);
  fireEvent.change(field('targetPath'), { target: { value: '/srv/signs' } });
}

describe('JobEditor field choice', () => {
  it('all ticked by default: the job stores no selection', async () => {
    const { calls, saved } = mount();
    for (const name of EVENT_FIELDS) expect(box(name).checked).toBe(true);
    await fillBasics();
    await act(async () => fireEvent.click(screen.getByTestId('job-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect((calls.find((c) => c.method === 'jobs.create')!.input as { job: Job }).job.fields).toBeUndefined();
  });

  it('unticked fields are left out; none ticked is refused', async () => {
    const { calls, saved } = mount();
    await fillBasics();
    for (const name of EVENT_FIELDS) fireEvent.click(box(name));
    fireEvent.click(screen.getByTestId('job-save'));
    expect(screen.getByTestId('job-fields-error').textContent).toBe(translate('en', 'validation.fields'));
    expect(calls.filter((c) => c.method.startsWith('jobs.'))).toEqual([]);
    for (const name of ['start', 'uid', 'end', 'subject']) fireEvent.click(box(name));
    await act(async () => fireEvent.click(screen.getByTestId('job-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect((calls.find((c) => c.method === 'jobs.create')!.input as { job: Job }).job.fields).toEqual(['uid', 'subject', 'start', 'end']);
  });

  it('is not offered for an SQLite target, and a stored selection shows as ticks', () => {
    mount();
    fireEvent.change(field('targetKind'), { target: { value: 'sqlite' } });
    expect(screen.queryByTestId('job-fields')).toBeNull();
    const job = jobSchema.parse({
      id: 'j2',
      name: 'Signs',
      profile: 'p1',
      mailboxes: { mode: 'list', list: ['room.amsterdam@contoso.com'] },
      target: { kind: 'folder', path: '/srv/signs' },
      fields: ['subject', 'start', 'end'],
    });
    expect(jobFormFromJob(job).fields).toEqual(['subject', 'start', 'end']);
  });
});
