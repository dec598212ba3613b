// @vitest-environment jsdom
// The job editor's "Two-way rule" type: a rule picker filled from twoway.rules.list (starting on the first saved
// rule), no mailboxes or target (the rule names both calendars), saved as { type: 'twoway', twoway: { ruleId } };
// a stored two-way job opens on its rule; with no saved rules the editor says where to save one.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyJobForm, jobFormFromJob } from '../../../../src/renderer/models/job-form-model.js';
import { JobEditor } from '../../../../src/renderer/views/jobs/JobEditor.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import { jobSchema, type JobView, type ProfileView } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);

const profiles = [{ profile: { id: 'p1', name: 'Contoso' }, secrets: {} }] as unknown as ProfileView[];
const field = (f: string) => screen.getByTestId<HTMLInputElement>(`job-${f}`);
const RULES = [
  { id: 'crm-sync', a: { mailbox: 'alice.smith@contoso.com' }, b: { mailbox: 'bob.jones@contoso.com' }, master: 'a' },
  { id: 'rooms', a: { mailbox: 'anna.schmidt@contoso.com' }, b: { mailbox: 'jan.devries@contoso.com' }, master: 'b' },
];

function mount(initial = emptyJobForm('p1'), isNew = true, rules = RULES) {
  const answer = (i: Record<string, unknown>) => ({ job: jobSchema.parse({ ...(i.job as object), id: 'j1' }), state: 'idle' });
  const fake = fakeClient({ 'jobs.create': answer, 'jobs.update': answer, 'twoway.rules.list': () => ({ rules }) });
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

describe('JobEditor: two-way rule jobs', () => {
  it('offers "Two-way rule" with a picker of saved rules and saves the chosen rule without mailboxes or target', async () => {
    const { calls, saved } = mount();
    expect(screen.getByRole('option', { name: translate('en', 'jobs.type.twoway') })).toBeTruthy();
    fireEvent.change(field('jobType'), { target: { value: 'twoway' } });
    await waitFor(() => expect(screen.getByRole('option', { name: 'rooms' })).toBeTruthy());
    expect(screen.getByTestId('job-twoway-hint').textContent).toBe(translate('en', 'jobs.twoway.hint'));
    expect(screen.queryByTestId('job-mailboxes')).toBeNull();
    expect(screen.queryByTestId('job-targetKind')).toBeNull();
    await waitFor(() => expect(field('twowayRuleId').value).toBe('crm-sync'));
    fireEvent.change(field('twowayRuleId'), { target: { value: 'rooms' } });
    fireEvent.change(field('name'), { target: { value: 'Rooms both ways' } });
    fireEvent.change(field('scheduleKind'), { target: { value: 'interval' } });
    fireEvent.change(field('intervalMinutes'), { target: { value: '15' } });
    await act(async () => fireEvent.click(screen.getByTestId('job-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    const sent = calls.find((c) => c.method === 'jobs.create')!.input.job as Record<string, unknown>;
    expect(sent).toMatchObject({
      type: 'twoway',
      twoway: { ruleId: 'rooms' },
      name: 'Rooms both ways',
      schedule: { kind: 'interval', minutes: 15 },
    });
    expect(sent.mailboxes).toBeUndefined();
    expect(sent.target).toBeUndefined();
  });

  it('opens a stored two-way job on its rule and keeps it when saved', async () => {
    const stored = jobSchema.parse({ id: 'j7', type: 'twoway', twoway: { ruleId: 'rooms' }, name: 'Rooms', profile: 'p1' });
    const { calls, saved } = mount(jobFormFromJob(stored), false);
    await waitFor(() => expect(screen.getByRole('option', { name: 'crm-sync' })).toBeTruthy());
    expect(field('twowayRuleId').value).toBe('rooms');
    await act(async () => fireEvent.click(screen.getByTestId('job-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls.find((c) => c.method === 'jobs.update')!.input.job).toMatchObject({
      id: 'j7',
      type: 'twoway',
      twoway: { ruleId: 'rooms' },
    });
  });

  it('without saved rules says where to save one and refuses to save a job without a rule', async () => {
    const { calls } = mount(emptyJobForm('p1'), true, []);
    fireEvent.change(field('jobType'), { target: { value: 'twoway' } });
    await waitFor(() => expect(calls.some((c) => c.method === 'twoway.rules.list')).toBe(true));
    expect(screen.getByTestId('job-twoway-hint').textContent).toBe(translate('en', 'jobs.twoway.noRules'));
    fireEvent.change(field('name'), { target: { value: 'Nothing yet' } });
    fireEvent.click(screen.getByTestId('job-save'));
    expect(screen.getByTestId('job-twowayRuleId-error').textContent).toBe(translate('en', 'validation.required'));
    expect(calls.filter((c) => c.method === 'jobs.create')).toEqual([]);
  });
});
