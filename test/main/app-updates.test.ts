// Updates of the desktop app through the electron-updater seam: nothing without a policy, refusals where a
// signature could not be checked or the installer is not NSIS, the feed handed over as the administrator set it,
// "update ready" in the tray, install on quit.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publisherNames, startAppUpdates, type AppUpdatesOptions } from '../../src/main/app-updates.js';
import type { UpdatePolicy } from '../../src/main/update-policy.js';
import { APP_UPDATE_YML, FakeUpdater } from './fake-updater.js';

const WEB: UpdatePolicy = { enabled: true, feed: { kind: 'web', url: 'https://intranet.contoso.com/calpump/' }, allowDowngrade: false };

function setup(policy: UpdatePolicy, install: AppUpdatesOptions['install'] = { nsis: true, appUpdateYml: APP_UPDATE_YML }) {
  const updater = new FakeUpdater();
  const log: Array<[string, string, Record<string, unknown>]> = [];
  const ready: Array<{ version: string; installNow: () => void }> = [];
  let loaded = 0;
  let tick: (() => void) | undefined;
  let timerStopped = false;
  const opts: AppUpdatesOptions = {
    policy,
    install,
    updater: async () => {
      loaded++;
      return updater;
    },
    logger: {
      info: (e, f = {}) => void log.push(['info', e, f]),
      warn: (e, f = {}) => void log.push(['warn', e, f]),
      error: (e, f = {}) => void log.push(['error', e, f]),
    },
    onReady: (version, installNow) => void ready.push({ version, installNow }),
    every: (_ms, fn) => {
      tick = fn;
      return { stop: () => void (timerStopped = true) };
    },
  };
  return { opts, updater, log, ready, loaded: () => loaded, tick: () => tick?.(), timerStopped: () => timerStopped };
}

describe('app updates', () => {
  it('without a policy: off, electron-updater never loaded, nothing checked', async () => {
    const s = setup({ enabled: false });
    const u = await startAppUpdates(s.opts);
    expect(u.status).toBe('off');
    expect(s.loaded()).toBe(0);
    expect(s.log).toEqual([]);
  });

  it('a refused feed is logged and stays off', async () => {
    const s = setup({ enabled: false, refused: 'insecure', value: 'http://intranet/calpump' });
    expect((await startAppUpdates(s.opts)).status).toBe('refused');
    expect(s.loaded()).toBe(0);
    expect(s.log).toEqual([['warn', 'update.feedRefused', { reason: 'insecure', value: 'http://intranet/calpump' }]]);
  });

  it('refuses when app-update.yml names no publisher (electron-updater would skip the signature check)', async () => {
    for (const appUpdateYml of [undefined, 'provider: generic\nurl: https://updates.invalid/calpump\n', 'publisherName:\n']) {
      const s = setup(WEB, { nsis: true, appUpdateYml });
      expect((await startAppUpdates(s.opts)).status).toBe('unsigned');
      expect(s.loaded()).toBe(0);
      expect(s.log.map((l) => l[1])).toEqual(['update.unsigned']);
    }
  });

  it('leaves MSI installs to their deployment tool', async () => {
    const s = setup(WEB, { nsis: false, appUpdateYml: APP_UPDATE_YML });
    expect((await startAppUpdates(s.opts)).status).toBe('notNsis');
    expect(s.loaded()).toBe(0);
    const unpacked = setup(WEB);
    unpacked.opts.install = undefined; // a development run or an unpacked build
    expect((await startAppUpdates(unpacked.opts)).status).toBe('notNsis');
  });

  it('a web feed: set as given, checked at start and on every tick, downloaded and installed on quit', async () => {
    const s = setup(WEB);
    const u = await startAppUpdates(s.opts);
    expect(u.status).toBe('on');
    expect(s.updater.feeds).toEqual(['https://intranet.contoso.com/calpump/']);
    expect(s.updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      disableWebInstaller: true,
      disableDifferentialDownload: false,
    });
    await expect.poll(() => s.updater.checks).toBe(1);
    s.tick();
    await expect.poll(() => s.updater.checks).toBe(2);
    expect(s.log).toContainEqual([
      'info',
      'update.feed',
      { feed: 'https://intranet.contoso.com/calpump/', allowDowngrade: false, publishers: 'Calpump' },
    ]);
    await u.stop();
    expect(s.timerStopped()).toBe(true);
  });

  it('"update ready" reaches the tray once downloaded, and its action installs silently and restarts', async () => {
    const s = setup(WEB);
    await startAppUpdates(s.opts);
    expect(s.ready).toEqual([]);
    s.updater.emit('update-downloaded', { version: '1.3.0' });
    expect(s.ready.map((r) => r.version)).toEqual(['1.3.0']);
    expect(s.updater.installs).toEqual([]);
    s.ready[0].installNow();
    expect(s.updater.installs).toEqual([[true, true]]);
    expect(s.log).toContainEqual(['info', 'update.ready', { version: '1.3.0' }]);
  });

  it('a failing check or download is logged and never thrown', async () => {
    const s = setup(WEB);
    s.updater.failWith = new Error('net::ERR_NAME_NOT_RESOLVED');
    const u = await startAppUpdates(s.opts);
    await expect.poll(() => s.log.some((l) => l[1] === 'update.failed')).toBe(true);
    await expect(u.checkNow()).resolves.toBeUndefined();
    s.updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(s.log.filter((l) => l[1] === 'update.failed').map((l) => l[2].error)).toEqual([
      'net::ERR_NAME_NOT_RESOLVED',
      'net::ERR_NAME_NOT_RESOLVED',
      'sha512 checksum mismatch',
    ]);
  });

  it('a folder feed on a share is served on loopback to electron-updater, whole files only; rollback when allowed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-share-'));
    try {
      await writeFile(join(dir, 'latest.yml'), 'version: 1.2.2\npath: Calpump-Setup-1.2.2.exe\n');
      const s = setup({ enabled: true, feed: { kind: 'folder', path: dir }, allowDowngrade: true });
      const u = await startAppUpdates(s.opts);
      expect(s.updater.feeds[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/);
      expect(s.updater.disableDifferentialDownload).toBe(true);
      expect(s.updater.allowDowngrade).toBe(true);
      await expect.poll(() => s.updater.lastFeedDocument).toContain('version: 1.2.2');
      await u.stop();
      await expect(fetch(new URL('latest.yml', s.updater.feeds[0]))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('publisher names in app-update.yml', () => {
  it('reads the list electron-builder writes, or one inline name', () => {
    expect(publisherNames(APP_UPDATE_YML)).toEqual(['Calpump']);
    expect(publisherNames('publisherName:\r\n  - "Contoso Ltd"\r\n  - Calpump\r\nupdaterCacheDirName: x\r\n')).toEqual([
      'Contoso Ltd',
      'Calpump',
    ]);
    expect(publisherNames("publisherName: 'Contoso Ltd'\n")).toEqual(['Contoso Ltd']);
    expect(publisherNames('provider: generic\n')).toEqual([]);
    expect(publisherNames(undefined)).toEqual([]);
  });
});
