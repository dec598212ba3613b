// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
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
});
