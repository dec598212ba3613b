// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatTimeOfDay, zoneName } from '../../../../src/renderer/models/format.js';
import { JobCard } from '../../../../src/renderer/views/jobs/JobCard.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import { jobSchema, type JobView } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);

const view = (type?: 'freebusy'): JobView => ({
  job: jobSchema.parse({
    id: 'j1',
    name: 'Rooms',
    profile: 'p1',
    ...(type ? { type } : {}),
    mailboxes: { mode: 'allRooms' },
    target: { kind: 'folder', path: '/srv/x' },
  }),
  state: 'idle',
});

function mount(v: JobView) {
  renderWithApp(
    <JobCard
      view={v}
      selected={false}
      onSelect={() => undefined}
      onRun={() => undefined}
      onCancel={() => undefined}
      onEdit={() => undefined}
    />,
    fakeClient({}).client,
  );
}

describe('JobCard', () => {
  it('names the job type for a free/busy job and nothing extra for an export', () => {
    mount(view('freebusy'));
    expect(screen.getByTestId('job-type').textContent).toContain(translate('en', 'jobs.type.freebusy'));
    cleanup();
    mount(view());
    expect(screen.queryByTestId('job-type')).toBeNull();
  });

  it('names the rule of a two-way job', () => {
    mount({
      job: jobSchema.parse({ id: 'j2', name: 'CRM', profile: 'p1', type: 'twoway', twoway: { ruleId: 'crm-sync' } }),
      state: 'idle',
    });
    expect(screen.getByTestId('job-type').textContent).toBe(` · ${translate('en', 'jobs.type.twoway')} (crm-sync)`);
  });

  it('while running, says how long and why the server asked to wait, in the UI language; not once the wait is over', () => {
    const progress = (until: string) => ({
      runId: 'r1',
      status: 'running' as const,
      percent: 10,
      done: 0,
      total: 3,
      mailboxes: [],
      waiting: { mailbox: 'anna@contoso.com', ms: 45_000, until, reason: 'ErrorServerBusy' },
    });
    const card = (until: string) => (
      <JobCard
        view={{ ...view(), state: 'running' }}
        progress={progress(until)}
        selected={false}
        onSelect={() => undefined}
        onRun={() => undefined}
        onCancel={() => undefined}
        onEdit={() => undefined}
      />
    );
    const until = new Date(Date.now() + 45_000).toISOString();
    renderWithApp(card(until), fakeClient({}).client);
    const text = screen.getByTestId('job-waiting').textContent;
    // The time the wait ends, in the one format of the UI, with its zone (as every time on screen).
    expect(text).toContain(formatTimeOfDay(until, 'en'));
    expect(text).toContain(zoneName('en', new Date(until)));
    expect(text).toContain('45 s');
    expect(text).toContain('ErrorServerBusy');
    expect(text).toContain('anna@contoso.com');
    cleanup();
    renderWithApp(card(new Date(Date.now() - 1_000).toISOString()), fakeClient({}).client);
    expect(screen.queryByTestId('job-waiting')).toBeNull();
  });
});
