// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyJobForm, jobFormFromJob } from '../../../../src/renderer/models/job-form-model.js';
import { EVENT_FIELDS } from '../../../../src/shared/event-fields.js';
import { JobEditor } from '../../../../src/renderer/views/jobs/JobEditor.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import { jobSchema, type Job, type JobView, type ProfileView } from '../../../../src/shared/rpc.js';
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
const err = (f: string) => screen.queryByTestId(`job-${f}-error`)?.textContent ?? null;

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

describe('JobEditor', () => {
  it('asks for folders by ticking them in the tree, never for ids typed from another screen', () => {
    mount();
    expect(screen.getByTestId('job-folders-pick-mailbox')).toBeTruthy();
    const field = screen.getByText(translate('en', 'jobs.folders.hint'));
    for (const lang of ['en', 'de', 'nl'] as const)
      expect(translate(lang, 'jobs.folders.hint')).not.toMatch(/\bIDs?\b|-IDs?\b|ID's|calendar/);
    expect(field).toBeTruthy();
  });

  it('shows field errors and sends nothing while the job is invalid', async () => {
    const { calls } = mount();
    // A pasted word that is no address is named and not added.
    await pickMailboxes('job-mailboxes', ['alice']);
    expect(screen.getByTestId('job-mailboxes-paste-result').textContent).toContain(translate('en', 'picker.mailboxes.problem.invalid'));
    set('daysBack', 'many');
    expect(err('daysBack')).toBe(translate('en', 'validation.days'));
    fireEvent.click(screen.getByTestId('job-save'));
    expect(err('name')).toBe(translate('en', 'validation.required'));
    expect(err('mailboxList')).toBeTruthy();
    expect(err('targetPath')).toBe(translate('en', 'validation.required'));
    expect(calls.filter((c) => c.method.startsWith('jobs.'))).toEqual([]);
  });

  it('creates the job the pump expects', async () => {
    const { calls, saved } = mount();
    set('name', 'Board calendars');
    await pickMailboxes('job-mailboxes', ['alice.smith@contoso.com', 'anna.schmidt@contoso.com']);
    set('daysAhead', '14');
    fireEvent.change(field('format'), { target: { value: 'json' } });
    set('targetPath', '/srv/calendars');
    await act(async () => fireEvent.click(screen.getByTestId('job-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    const create = calls.find((c) => c.method === 'jobs.create')!;
    expect(create.input).toMatchObject({
      job: {
        name: 'Board calendars',
        profile: 'p1',
        mailboxes: { mode: 'list', list: ['alice.smith@contoso.com', 'anna.schmidt@contoso.com'] },
        window: { daysAhead: 14 },
        format: 'json',
        target: { kind: 'folder', path: '/srv/calendars' },
      },
      secrets: {},
    });
  });

  it('creates a free/busy job, and refuses one aimed at a webhook', async () => {
    const { calls, saved } = mount();
    set('name', 'Room availability');
    await pickMailboxes('job-mailboxes', ['room.amsterdam@contoso.com']);
    fireEvent.change(field('jobType'), { target: { value: 'freebusy' } });
    fireEvent.change(field('targetKind'), { target: { value: 'webhook' } });
    set('targetUrl', 'https://hooks.contoso.com/x');
    fireEvent.click(screen.getByTestId('job-save'));
    expect(err('targetKind')).toBe(translate('en', 'validation.freebusyTarget'));
    expect(calls.filter((c) => c.method.startsWith('jobs.'))).toEqual([]);
    fireEvent.change(field('targetKind'), { target: { value: 'folder' } });
    set('targetPath', '/srv/freebusy');
    await act(async () => fireEvent.click(screen.getByTestId('job-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls.find((c) => c.method === 'jobs.create')!.input).toMatchObject({
      job: { type: 'freebusy', name: 'Room availability', target: { kind: 'folder', path: '/srv/freebusy' } },
    });
    expect(saved[0].job.type).toBe('freebusy');
  });
});

// The field choice: every field ticked by default (the job stores no selection), unticking sends the rest in
// catalogue order, none ticked is a field error, and database targets do not offer the choice.
const box = (name: string) => screen.getByTestId<HTMLInputElement>(`job-field-${name}`);

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
