// @vitest-environment jsdom
// Home lists the jobs whose entry does not validate next to the healthy ones: the field that is wrong, what is
// wrong with it, the file to correct and the command that removes the entry; they count as failing.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HomeView } from '../../../../src/renderer/views/home/HomeView.js';
import type { BrokenJobView, JobView } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);

const broken: BrokenJobView[] = [
  { ref: 'jobs[1]', field: 'jobs[1].schedule.cron', problem: 'invalid cron', file: '/cfg/jobs.json' },
  { ref: 'Room feed', name: 'Room feed', id: 'j2', field: 'jobs[2].target.path', problem: 'must be absolute', file: '/cfg/jobs.json' },
];
const job = {
  job: { id: 'j1', name: 'Team', profile: 'p1', type: 'export', schedule: { kind: 'manual' } },
  state: 'idle',
} as unknown as JobView;

function setup(lang: 'en' | 'de' = 'en', jobs: JobView[] = [job], onNavigate: (view: string, item?: string) => void = () => {}) {
  const { client } = fakeClient({
    'jobs.list': () => ({ jobs, broken }),
    'app.state': () => ({ tray: 'idle', paused: false, runningJobs: [], failingJobs: [] }),
    'profiles.list': () => ({ profiles: [] }),
  });
  return renderWithApp(<HomeView onNavigate={onNavigate} onProfile={() => {}} />, client, lang);
}

describe('HomeView: broken job entries', () => {
  it('names each broken entry with its field, problem, file and the remove command, and counts it as failing', async () => {
    setup();
    const section = await screen.findByTestId('home-broken');
    expect(within(section).getByRole('heading').textContent).toBe('2 jobs cannot run');
    const entries = within(section).getAllByTestId('home-broken-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0].textContent).toContain('jobs[1]: the field jobs[1].schedule.cron is invalid');
    expect(entries[0].textContent).toContain('invalid cron');
    expect(entries[0].textContent).toContain('/cfg/jobs.json');
    expect(entries[0].textContent).toContain('calpump jobs remove "jobs[1]"');
    expect(entries[1].textContent).toContain('Room feed: the field jobs[2].target.path is invalid');
    expect(entries[1].textContent).toContain('calpump jobs remove "Room feed"');
    expect(screen.getByTestId('home-counts').textContent).toContain('3 jobs, 2 failing');
    expect(screen.getAllByTestId('home-job')).toHaveLength(1);
  });

  it('shows broken entries instead of the welcome screen when they are all there is, in German', async () => {
    setup('de', []);
    const section = await screen.findByTestId('home-broken');
    expect(within(section).getByRole('heading').textContent).toBe('2 Aufträge können nicht laufen');
    expect(screen.queryByTestId('home-welcome')).toBeNull();
    expect(screen.queryByTestId('home-no-jobs')).toBeNull();
  });
});

describe('HomeView: a failing job', () => {
  it("shows the fix in one click and opens the job's profile, where most fixes are made, in the next", async () => {
    const failing = {
      ...job,
      lastRun: {
        runId: 'r1',
        jobId: 'j1',
        jobName: 'Team',
        trigger: 'schedule',
        dryRun: false,
        startedAt: '2026-12-06T08:00:00.000Z',
        finishedAt: '2026-12-06T08:00:02.000Z',
        status: 'failed',
        mailboxesOk: 0,
        mailboxesFailed: 1,
        items: 0,
        itemsWritten: 0,
        errors: [{ mailbox: 'anna@contoso.com', error: { id: 'ews.auth.ntlmRefused', params: {} } }],
      },
    } as unknown as JobView;
    const went: Array<[string, string | undefined]> = [];
    setup('en', [failing], (view, item) => went.push([view, item]));
    fireEvent.click(await screen.findByTestId('home-job-fix'));
    await screen.findByTestId('home-job-fixes');
    fireEvent.click(screen.getByTestId('home-job-open-profile'));
    expect(went).toEqual([['profiles', 'p1']]);
  });
});
