import { describe, expect, it } from 'vitest';
import { createJobNotifier } from '../../src/main/job-notifier.js';
import { createTrayController } from '../../src/main/tray-controller.js';
import type { MenuItemOptionsLike } from '../../src/main/electron-api.js';
import { createFakeElectron } from './fake-electron.js';

const icons = { idle: '/a/tray-idle.png', syncing: '/a/tray-syncing.png', error: '/a/tray-error.png', paused: '/a/tray-paused.png' };

function tray(lang: 'en' | 'de' = 'en') {
  const fake = createFakeElectron();
  const calls: string[] = [];
  const ctl = createTrayController(fake.api, {
    icons,
    lang: () => lang,
    formatTime: (iso) => `T(${iso})`,
    actions: {
      open: () => calls.push('open'),
      syncNow: () => calls.push('sync'),
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      quit: () => calls.push('quit'),
    },
  });
  return { fake, ctl, calls, t: fake.trays[0] };
}
const item = (menu: MenuItemOptionsLike[], id: string) => menu.find((m) => m.id === id);

describe('tray controller', () => {
  it('shows the icon and tooltip of each state', () => {
    const { ctl, t } = tray();
    expect(t.image).toBe(icons.idle);
    for (const s of ['syncing', 'error', 'paused', 'idle'] as const) {
      ctl.update({ tray: s, paused: s === 'paused', runningJobs: [], failingJobs: [] });
      expect(t.image).toBe(icons[s]);
      expect(ctl.state).toBe(s);
    }
    ctl.update({ tray: 'error', paused: false, runningJobs: [], failingJobs: ['j'] });
    expect(t.tooltip).toBe('Calpump — a job failed');
  });

  it('menu: open, sync now, pause ↔ resume, last sync time, quit', () => {
    const { ctl, calls, t } = tray();
    expect(item(ctl.menu, 'last')).toMatchObject({ label: 'Not synced yet', enabled: false });
    ctl.update({ tray: 'idle', paused: false, runningJobs: [], failingJobs: [], lastSyncAt: '2026-11-25T10:00:00.000Z' });
    expect(item(ctl.menu, 'last')!.label).toBe('Last sync: T(2026-11-25T10:00:00.000Z)');
    for (const id of ['open', 'sync', 'pause', 'quit']) item(ctl.menu, id)!.click!();
    expect(calls).toEqual(['open', 'sync', 'pause', 'quit']);
    expect(item(ctl.menu, 'resume')).toBeUndefined();
    ctl.update({ tray: 'paused', paused: true, runningJobs: [], failingJobs: [] });
    expect(item(ctl.menu, 'pause')).toBeUndefined();
    expect(item(ctl.menu, 'sync')!.enabled).toBe(false);
    item(ctl.menu, 'resume')!.click!();
    expect(calls.at(-1)).toBe('resume');
    expect((t.menu as { template: MenuItemOptionsLike[] }).template).toEqual(ctl.menu);
    t.emit('click');
    expect(calls.at(-1)).toBe('open');
  });

  it('offers an update once it is ready, first in the menu, and keeps it through state changes', () => {
    const { ctl, t } = tray();
    expect(item(ctl.menu, 'update')).toBeUndefined();
    let installed = 0;
    ctl.setUpdateReady('1.3.0', () => installed++);
    expect(ctl.menu[0]).toMatchObject({ id: 'update', label: 'Restart to install update 1.3.0' });
    expect(t.tooltip).toBe('Calpump — idle — update 1.3.0 ready');
    ctl.update({ tray: 'syncing', paused: false, runningJobs: ['j'], failingJobs: [] });
    item(ctl.menu, 'update')!.click!();
    expect(installed).toBe(1);
    expect((t.menu as { template: MenuItemOptionsLike[] }).template[0].id).toBe('update');
  });

  it('speaks the UI language', () => {
    const { ctl } = tray('de');
    expect(item(ctl.menu, 'quit')!.label).toBe('Beenden');
  });
});

describe('job notifications', () => {
  const failed = (jobId: string) => ({
    jobId,
    status: 'failed' as const,
    at: 'x',
    error: { id: 'ews.auth.unauthorized', params: { username: 'svc@contoso.com' } },
  });
  const ok = (jobId: string) => ({ jobId, status: 'ok' as const, at: 'x' });

  it('notifies on the first failure and on recovery, not on repeats or ordinary successes', async () => {
    const fake = createFakeElectron();
    const n = createJobNotifier(fake.api, { jobName: async (id) => `Job ${id}` });
    await n.onStatus(ok('a'));
    await n.onStatus(failed('a'));
    await n.onStatus(failed('a'));
    await n.onStatus({ jobId: 'a', status: 'running', at: 'x' });
    await n.onStatus(ok('a'));
    await n.onStatus(ok('a'));
    expect(fake.notifications).toEqual([
      {
        title: 'Job failed: Job a',
        body: 'Exchange rejected the credentials (HTTP 401): The EWS endpoint answered 401 Unauthorized for svc@contoso.com.',
      },
      { title: 'Job working again: Job a', body: 'The last run finished without errors.' },
    ]);
  });

  it('does not re-announce a failure known at start, but announces its recovery', async () => {
    const fake = createFakeElectron();
    const n = createJobNotifier(fake.api, { jobName: async () => 'Nightly', failingAtStart: ['b'] });
    await n.onStatus(failed('b'));
    expect(fake.notifications).toEqual([]);
    await n.onStatus(ok('b'));
    expect(fake.notifications.map((x) => x.title)).toEqual(['Job working again: Nightly']);
  });
});
