// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyJobForm } from '../../../../src/renderer/models/job-form-model.js';
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
