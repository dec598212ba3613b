// @vitest-environment jsdom
// The job editor for contacts and tasks (issue 16 item 2): choosing what the job exports switches the folder tree
// to that content's folders (ticked with counts), offers only the formats and targets src/shared/job.ts allows,
// hides the calendar-only fields, and saves a contacts job with the folders ticked.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyJobForm } from '../../../../src/renderer/models/job-form-model.js';
import { JobEditor } from '../../../../src/renderer/views/jobs/JobEditor.js';
import { CONTENT_FORMATS, CONTENT_TARGETS } from '../../../../src/shared/job.js';
import { jobSchema, type JobView, type ProfileView } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';
import { directoryHandlers, pickMailboxes } from '../../support/directory.js';

afterEach(cleanup);

const profiles = [{ profile: { id: 'p1', name: 'Contoso' }, secrets: {} }] as unknown as ProfileView[];
const field = (f: string) => screen.getByTestId<HTMLSelectElement>(`job-${f}`);
const optionsOf = (f: string) => Array.from(field(f).querySelectorAll('option')).map((o) => o.value);

function mount() {
  const answer = (i: Record<string, unknown>) => ({ job: jobSchema.parse({ ...(i.job as object), id: 'j1' }), state: 'idle' });
  const fake = fakeClient({ ...directoryHandlers(), 'jobs.create': answer, 'jobs.update': answer });
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

describe('JobEditor: contacts and tasks', () => {
  it('a contacts job: the contacts folder tree with counts, only the allowed formats and targets, saved with the folders ticked', async () => {
    const { calls, saved } = mount();
    fireEvent.change(screen.getByTestId('job-name'), { target: { value: 'CRM contacts' } });
    await pickMailboxes('job-mailboxes', ['anna.schmidt@contoso.com']);
    expect(optionsOf('format')).toEqual([...CONTENT_FORMATS.calendar]);
    fireEvent.change(field('content'), { target: { value: 'contacts' } });
    expect(optionsOf('format')).toEqual([...CONTENT_FORMATS.contacts]);
    expect(optionsOf('targetKind')).toEqual([...CONTENT_TARGETS.contacts]);
    // Contacts are read whole: no window, no private-item or attendee options.
    expect(screen.queryByTestId('job-daysBack')).toBeNull();
    expect(screen.queryByTestId('job-privateMode')).toBeNull();
    expect(screen.queryByTestId('job-includeAttendees')).toBeNull();
    const crm = await waitFor(() => screen.getByText('CRM'), { timeout: 10_000 });
    expect(calls.some((c) => c.method === 'folders.tree' && JSON.stringify(c.input.kinds) === '["contacts"]')).toBe(true);
    const items = screen.getAllByTestId('job-folders-item');
    expect(items.map((i) => i.getAttribute('data-folder-kind'))).toEqual(['contacts', 'contacts']);
    expect(within(items[0]).getAllByTestId('folder-count')[0].textContent).toBe('40');
    // The main contacts folder is ticked (the default); tick CRM as well.
    const checkbox = (el: HTMLElement) => el.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(checkbox(items[0]).checked).toBe(true);
    await act(async () => fireEvent.click(checkbox(crm.closest<HTMLElement>('[data-testid=job-folders-item]')!)));
    fireEvent.change(field('format'), { target: { value: 'csv' } });
    fireEvent.change(screen.getByTestId('job-targetPath'), { target: { value: '/srv/crm' } });
    await act(async () => fireEvent.click(screen.getByTestId('job-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls.find((c) => c.method === 'jobs.create')!.input).toMatchObject({
      job: { content: 'contacts', folders: { ids: ['contacts', 'AAMk-crm'] }, format: 'csv', target: { kind: 'folder', path: '/srv/crm' } },
    });
  });

  it('a tasks job offers the task folders; back to calendar restores the calendar tree and every target', async () => {
    const { calls } = mount();
    await pickMailboxes('job-mailboxes', ['anna.schmidt@contoso.com']);
    fireEvent.change(field('content'), { target: { value: 'tasks' } });
    await waitFor(
      () => expect(screen.getAllByTestId('job-folders-item').map((i) => i.getAttribute('data-folder-kind'))).toEqual(['tasks']),
      {
        timeout: 10_000,
      },
    );
    expect(optionsOf('format')).toEqual([...CONTENT_FORMATS.tasks]);
    fireEvent.change(field('content'), { target: { value: 'calendar' } });
    await waitFor(() => expect(screen.getAllByTestId('job-folders-item')[0].getAttribute('data-folder-kind')).toBe('calendar'), {
      timeout: 10_000,
    });
    expect(optionsOf('targetKind')).toEqual([...CONTENT_TARGETS.calendar]);
    expect(calls.filter((c) => c.method === 'folders.tree').length).toBeGreaterThanOrEqual(3);
  });
});
