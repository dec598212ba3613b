// The whole desktop host wired with fake Electron: single instance, hidden start, close-to-tray, IPC through
// the real dispatcher, tray following job state, notifications on failure/recovery, login item setting.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { renderTextParam } from '../../src/shared/i18n/engine-texts.js';
import { startDesktopApp, type DesktopApp } from '../../src/main/desktop-app.js';
import { CalpumpError } from '../../src/core/errors/calpump-error.js';
import { describeProxy, resolveProxy } from '../../src/core/net/proxy-resolution.js';
import { useSystemProxy } from '../../src/core/net/proxy-system.js';
import { memorySecrets } from '../core/net/fakes.js';
import { IPC_CALL_CHANNEL, type RpcResult } from '../../src/shared/rpc.js';
import { FakeConnector, makeEvent } from '../support/fake-connector.js';
import { fakeDpapi } from '../support/fake-dpapi.js';
import { createFakeElectron, eventFrom, type FakeWindow } from './fake-electron.js';
import { APP_UPDATE_YML, FakeUpdater } from './fake-updater.js';
import type { UpdatePolicy } from '../../src/main/update-policy.js';

let dir: string;
let app: DesktopApp | undefined;
let fakeRef: ReturnType<typeof createFakeElectron> | undefined;
afterEach(async () => {
  useSystemProxy(undefined);
  fakeRef?.app.quit();
  app = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(
  opts: {
    lock?: boolean;
    argv?: string[];
    connector?: FakeConnector;
    switches?: string[];
    updates?: { policy: UpdatePolicy; updater: FakeUpdater };
    proc?: EventEmitter;
  } = {},
) {
  dir = await mkdtemp(join(tmpdir(), 'calpump-desktop-'));
  const fake = createFakeElectron({ lock: opts.lock, userData: dir, switches: opts.switches });
  fakeRef = fake;
  if (opts.updates) {
    const u = opts.updates.updater;
    fake.api.updater = async () => u;
    fake.api.install = { nsis: true, appUpdateYml: APP_UPDATE_YML };
  }
  const connector = opts.connector ?? new FakeConnector();
  app = await startDesktopApp(fake.api, {
    argv: opts.argv ?? ['calpump.exe'],
    rendererIndex: '/opt/Calpump/dist/renderer/index.html',
    preloadPath: '/opt/Calpump/dist/preload/index.cjs',
    assetsDir: '/opt/Calpump/assets',
    createConnector: async () => connector,
    dpapi: fakeDpapi(),
    env: {},
    updatePolicy: opts.updates ? async () => opts.updates!.policy : undefined,
    proc: opts.proc as NodeJS.Process | undefined,
  });
  const win = fake.windows[0] as FakeWindow | undefined;
  const call = async (method: string, input: unknown = {}) =>
    (await fake.invoke(IPC_CALL_CHANNEL, eventFrom(win!), method, input)) as RpcResult;
  return { fake, win, call };
}

async function until(cond: () => boolean) {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('not reached');
}

describe('desktop app', () => {
  it('keeps running after a stray rejection or exception: logged as internal.unexpected, the UI still answers', async () => {
    const proc = new EventEmitter();
    const { call } = await start({ proc });
    proc.emit('unhandledRejection', new Error('a job callback nobody awaited'));
    proc.emit('uncaughtException', new RangeError('Invalid string length'));
    const log = await readFile(join(dir, 'logs', 'calpump.log'), 'utf8');
    expect(log.match(/"event":"process.unexpected"/g)).toHaveLength(2);
    expect(log).toContain('"errorId":"internal.unexpected"');
    expect((await call('app.state')).ok).toBe(true);
  });

  it('quits at once when another instance holds the lock', async () => {
    const { fake } = await start({ lock: false });
    expect(app).toBeUndefined();
    expect(fake.windows).toHaveLength(0);
    expect(fake.app.quitCalls()).toBe(1);
  });

  it('without an update policy (the default off Windows) never loads the updater', async () => {
    const { fake } = await start();
    fake.api.updater = async () => {
      throw new Error('must not be loaded');
    };
    expect((await app!.updates)?.status).toBe('off');
  });

  it("updates from the administrator's feed: the tray offers the downloaded update, which installs on request", async () => {
    const updater = new FakeUpdater();
    const policy: UpdatePolicy = {
      enabled: true,
      feed: { kind: 'web', url: 'https://intranet.contoso.com/calpump/' },
      allowDowngrade: false,
    };
    await start({ updates: { policy, updater } });
    expect((await app!.updates)?.status).toBe('on');
    expect(updater.feeds).toEqual(['https://intranet.contoso.com/calpump/']);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    updater.emit('update-downloaded', { version: '9.9.9' });
    const entry = app!.tray.menu.find((m) => m.id === 'update');
    expect(entry?.label).toBe('Restart to install update 9.9.9');
    entry!.click!();
    expect(updater.installs).toEqual([[true, true]]);
  });

  it('refuses to start with a remote debugging port', async () => {
    const { fake } = await start({ switches: ['remote-debugging-port'] });
    expect(app).toBeUndefined();
    expect(fake.windows).toHaveLength(0);
    expect(fake.app.quitCalls()).toBe(1);
  });

  it('logs refused navigation and links; a refused link never reaches the shell', async () => {
    const { fake, win } = await start();
    expect(win!.webContents.navigate('file:///C:/Windows/win.ini')).toBe(false);
    win!.webContents.openHandler!({ url: 'https://login.microsoftonline.com.evil.example/' });
    win!.webContents.openHandler!({ url: 'https://learn.microsoft.com/' });
    const records = async () =>
      (await readFile(join(dir, 'logs', 'calpump.log'), 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { event: string; fields: Record<string, string> })
        .filter((r) => r.event.startsWith('desktop.'));
    await until(() => fake.opened.length === 1);
    let seen: Awaited<ReturnType<typeof records>> = [];
    for (let i = 0; i < 500 && seen.length < 2; i++) {
      seen = await records();
      if (seen.length < 2) await new Promise((r) => setTimeout(r, 10));
    }
    expect(fake.opened).toEqual(['https://learn.microsoft.com/']);
    expect(seen).toMatchObject([
      { event: 'desktop.refused', fields: { kind: 'navigation', url: 'file:///C:/Windows/win.ini' } },
      { event: 'desktop.linkRefused', fields: { url: 'https://login.microsoftonline.com.evil.example/', reason: 'host' } },
    ]);
  });

  it('loads the app page, shows it, and keeps running in the tray when closed', async () => {
    const { fake, win } = await start();
    expect(win!.loaded).toBe('file:///opt/Calpump/dist/renderer/index.html');
    expect(fake.app.sandboxed()).toBe(true);
    expect(win!.visible).toBe(true);
    expect(fake.trays[0].image).toBe('/opt/Calpump/assets/tray-idle.png');
    expect(win!.userClose()).toBe(false);
    expect(win!.visible).toBe(false);
    fake.app.emit('second-instance');
    expect(win!.visible).toBe(true);
    fake.app.quit();
    expect(win!.userClose()).toBe(true);
    expect(fake.trays[0].destroyed).toBe(true);
  });

  it("system proxy is what Electron's session resolves (Windows setting, PAC, WPAD); environment variables still come first", async () => {
    const { fake } = await start();
    fake.proxyAnswers.set('mail.contoso.com', 'PROXY proxy.contoso.com:8080; DIRECT');
    const ctx = (env: NodeJS.ProcessEnv) => ({ setting: { mode: 'system' as const }, profileId: 'p', secrets: memorySecrets({}), env });
    const viaSession = await resolveProxy(new URL('https://mail.contoso.com/EWS/Exchange.asmx'), ctx({}));
    expect(renderTextParam(describeProxy(viaSession), 'en')).toBe(
      'proxy http://proxy.contoso.com:8080 (from system proxy setting (Electron: Windows setting, PAC, WPAD): "PROXY proxy.contoso.com:8080; DIRECT")',
    );
    expect(viaSession.why).toBe('system');
    expect(fake.proxyAsked).toEqual(['https://mail.contoso.com/EWS/Exchange.asmx']);
    expect((await resolveProxy(new URL('https://ex01.contoso.local/'), ctx({}))).kind).toBe('direct');
    expect((await resolveProxy(new URL('https://mail.contoso.com/'), ctx({ HTTPS_PROXY: 'http://env:3128' }))).why).toBe('environment');
    expect(fake.proxyAsked).toHaveLength(2);
  });

  it('starts hidden when launched at login', async () => {
    const { win } = await start({ argv: ['calpump.exe', '--hidden'] });
    expect(win!.visible).toBe(false);
  });

  it('serves the UI over IPC, stores secrets in the shared DPAPI-protected store, and sets the login item from settings', async () => {
    const { fake, call } = await start();
    const created = await call('profiles.create', {
      profile: { kind: 'ews', name: 'Contoso', url: 'https://mail.contoso.com/EWS/Exchange.asmx', username: 'svc-calpump@contoso.com' },
      secrets: { password: 'Passw0rd!' },
    });
    expect(created).toMatchObject({ ok: true, output: { secrets: { password: 'stored' } } });
    const store = await readFile(join(dir, 'secrets.enc.json'), 'utf8');
    expect(store).not.toContain('Passw0rd!');
    expect((JSON.parse(store) as { kdf?: unknown }).kdf).toMatchObject({ name: 'dpapi', scope: 'currentUser' });
    expect(await call('app.version')).toMatchObject({ ok: true, output: { version: '1.2.3', features: { startAtLogin: true } } });
    await call('app.setSettings', { startAtLogin: true });
    expect(fake.app.loginItem()).toEqual({ openAtLogin: true, args: ['--hidden'] });
    await call('app.setSettings', { startAtLogin: false });
    expect(fake.app.loginItem().openAtLogin).toBe(false);
  });

  it('tray follows a failing job and a native notification reports failure, then recovery', async () => {
    const connector = new FakeConnector();
    const soon = new Date(Date.now() + 86_400_000);
    connector.put(
      'anna.schmidt@contoso.com',
      'calendar',
      makeEvent({ start: soon.toISOString(), end: new Date(soon.getTime() + 3_600_000).toISOString() }),
    );
    connector.failures.set('anna.schmidt@contoso.com', {
      error: new CalpumpError('ews.mailbox.notFound', { params: { mailbox: 'anna.schmidt@contoso.com' } }),
      times: 1,
    });
    const { fake, call } = await start({ connector });
    const p = await call('profiles.create', {
      profile: { kind: 'ews', name: 'Sim', url: 'https://127.0.0.1/EWS/Exchange.asmx', username: 'svc-calpump@contoso.com' },
      secrets: { password: 'x' },
    });
    const profileId = (p as { output: { profile: { id: string } } }).output.profile.id;
    const j = await call('jobs.create', {
      job: {
        name: 'Anna',
        profile: profileId,
        mailboxes: { mode: 'list', list: ['anna.schmidt@contoso.com'] },
        target: { kind: 'folder', path: join(dir, 'out') },
      },
    });
    const jobId = (j as { output: { job: { id: string } } }).output.job.id;
    await call('jobs.runNow', { id: jobId });
    await until(() => fake.notifications.length === 1);
    expect(fake.notifications[0].title).toBe('Job failed: Anna');
    await until(() => fake.trays[0].image.endsWith('tray-error.png'));
    await call('jobs.runNow', { id: jobId });
    await until(() => fake.notifications.length === 2);
    expect(fake.notifications[1].title).toBe('Job working again: Anna');
    await until(() => fake.trays[0].image.endsWith('tray-idle.png'));
    await call('jobs.pauseAll');
    expect(fake.trays[0].image).toBe('/opt/Calpump/assets/tray-paused.png');
  });
});
