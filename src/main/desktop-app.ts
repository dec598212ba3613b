// Wires the desktop app from injected Electron pieces: one instance, the engine with safeStorage secrets, the
// window (kept in the tray on close), IPC, tray state and menu, login item, failure/recovery notifications.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCoreServices, type BuiltCoreServices } from '../core/rpc/core-services.js';
import { createDispatcher, type Dispatcher } from '../core/rpc/dispatcher.js';
import type { ConnectorFactory } from '../core/connectors/factory.js';
import { installCrashGuard } from '../core/process/crash-guard.js';
import type { TrayState } from '../shared/rpc.js';
import type { BrowserWindowLike, ElectronApi } from './electron-api.js';
import { registerIpcRpc } from './ipc-transport.js';
import { createJobNotifier } from './job-notifier.js';
import { createSecretStore } from '../core/secrets/create-secret-store.js';
import type { FileSecretStore } from '../core/secrets/file-secret-store.js';
import type { Dpapi } from '../core/platform/dpapi.js';
import { useSystemProxy } from '../core/net/proxy-system.js';
import { electronSystemProxy } from './electron-proxy.js';
import { migrateSafeStorageSecrets } from './safe-storage-migration.js';
import { createTrayController, type TrayController } from './tray-controller.js';
import { createMainWindow, lockDownContents, type RefusalListener } from './window-factory.js';
import { authorityOrigins, createLinkOpener } from './external-links.js';
import { startAppUpdates, type AppUpdates } from './app-updates.js';
import { readUpdatePolicy, type UpdatePolicy } from './update-policy.js';
import { nodeCommandRunner } from '../core/platform/command-runner.js';
import { applyStartAtLogin, claimSingleInstance, keepInTrayOnClose, launchedHidden, showWindow } from './window-lifecycle.js';

export interface DesktopOptions {
  argv: readonly string[];
  /** dist/renderer/index.html */
  rendererIndex: string;
  /** Vite dev server URL during development (ELECTRON_RENDERER_URL). */
  devUrl?: string;
  preloadPath: string;
  assetsDir: string;
  /** Where profiles, jobs, secrets and logs live (default: app userData). */
  configDir?: string;
  createConnector?: ConnectorFactory;
  /** Windows DPAPI for the shared secret store (default: this machine's; tests pass a fake, null for none). */
  dpapi?: Dpapi | null;
  env?: NodeJS.ProcessEnv;
  /** The administrator's update policy (default: HKLM\SOFTWARE\Policies\Calpump on Windows, off elsewhere). */
  updatePolicy?: () => Promise<UpdatePolicy>;
  /** Where the crash guard listens (tests pass an emitter; default: this process). */
  proc?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export interface DesktopApp {
  window: BrowserWindowLike;
  tray: TrayController;
  dispatcher: Dispatcher;
  core: BuiltCoreServices;
  startUrl: string;
  /** Settles once the update policy is read and, when a feed is set, the updater configured. */
  updates: Promise<AppUpdates | undefined>;
}

/** Chromium switches that open the app to remote control (the Node inspector is switched off by a fuse). */
export const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address'];

export const APP_USER_MODEL_ID = 'com.calpump.desktop';
export const TRAY_STATES: TrayState[] = ['idle', 'syncing', 'error', 'paused'];

export function trayIcons(assetsDir: string): Record<TrayState, string> {
  return Object.fromEntries(TRAY_STATES.map((s) => [s, join(assetsDir, `tray-${s}.png`)])) as Record<TrayState, string>;
}

export async function startDesktopApp(api: ElectronApi, opts: DesktopOptions): Promise<DesktopApp | undefined> {
  // eslint-disable-next-line prefer-const -- read by callbacks registered before the window exists; a const would throw there.
  let win: BrowserWindowLike | undefined;
  const debugSwitch = DEBUG_SWITCHES.find((s) => api.app.commandLine?.hasSwitch(s));
  if (debugSwitch) {
    // A debugging port would let any local program drive the window (and its signed-in RPC); never in this app.
    console.error(`Calpump does not start with --${debugSwitch}.`);
    api.app.quit();
    return undefined;
  }
  if (!claimSingleInstance(api.app, () => win && showWindow(win))) {
    api.app.quit();
    return undefined;
  }
  api.app.enableSandbox?.();
  await api.app.whenReady();
  api.app.setAppUserModelId?.(APP_USER_MODEL_ID);
  const startUrl = opts.devUrl ?? pathToFileURL(opts.rendererIndex).href;
  // Refusals before the engine (and its log) is up are kept and logged once it is.
  // eslint-disable-next-line prefer-const -- read by callbacks registered before the engine is up; a const would throw there.
  let core: BuiltCoreServices | undefined;
  const early: Array<[string, Record<string, string>]> = [];
  const warn = (event: string, fields: Record<string, string>) => (core ? core.logger.warn(event, fields) : early.push([event, fields]));
  const refused: RefusalListener = (kind, url) => warn('desktop.refused', { kind, url });
  const links = createLinkOpener(api.shell, {
    origins: async () => (core ? authorityOrigins(await core.profiles.list()) : []),
    onRefused: (url, reason) => warn('desktop.linkRefused', { url, reason }),
  });
  // Any web contents created later (devtools excepted by Electron itself) gets the same lock-down.
  api.app.on('web-contents-created', (_e, contents) => lockDownContents(contents, links, startUrl, refused));

  // "System proxy" in the desktop app is what Chromium would use (Windows setting, PAC, WPAD with DHCP).
  if (api.proxySession) useSystemProxy(electronSystemProxy(api.proxySession));
  const configDir = opts.configDir ?? api.app.getPath('userData');
  // The one store of this Windows account, shared with the CLI (DPAPI on Windows); see safe-storage-migration.ts.
  let store: FileSecretStore | undefined;
  core = await createCoreServices({
    configDir,
    secrets: (logger) => (store = createSecretStore({ dir: configDir, env: opts.env ?? process.env, logger, dpapi: opts.dpapi })),
    env: opts.env,
    version: api.app.getVersion(),
    features: { startAtLogin: true, notifications: api.notificationsSupported(), openExternal: true },
    schedule: true,
    createConnector: opts.createConnector,
    // OAuth sign-in happens in the system browser, never in an app window; a refused URL is shown instead.
    openBrowser: async (url) => {
      if (!(await links.open(url))) throw new Error('the sign-in address is not on the allow-list');
    },
    onSettingsChanged: (next, previous) => {
      if (next.startAtLogin !== previous.startAtLogin) applyStartAtLogin(api.app, next.startAtLogin);
    },
  });
  for (const [event, fields] of early.splice(0)) core.logger.warn(event, fields);
  await migrateSafeStorageSecrets(api.safeStorage, configDir, store!, core.logger).catch((e: unknown) =>
    core.logger.error('secrets.desktopMigrationFailed', { error: e instanceof Error ? e.message : String(e) }),
  );
  const dispatcher = createDispatcher(core.services, { events: core.events });
  // The tray app outlives any one job: a stray failure is logged as internal.unexpected, the app keeps running.
  const guard = installCrashGuard({ logger: core.logger, proc: opts.proc });
  const lang = () => core.settings.peek()?.language ?? 'en';
  const appIcon = join(opts.assetsDir, 'icon.png');

  const window = createMainWindow(api, { preloadPath: opts.preloadPath, startUrl, icon: appIcon, links, onRefused: refused });
  win = window;
  keepInTrayOnClose(api.app, window);
  const stopIpc = registerIpcRpc({
    ipcMain: api.ipcMain,
    dispatcher,
    window: () => win,
    startUrl,
    onRefused: (url) => core.logger.warn('ipc.refused', { url }),
  });

  const tray = createTrayController(api, {
    icons: trayIcons(opts.assetsDir),
    lang,
    actions: {
      open: () => showWindow(window),
      syncNow: () => void syncAll(dispatcher),
      pause: () => void dispatcher.call('jobs.pauseAll', {}),
      resume: () => void dispatcher.call('jobs.resumeAll', {}),
      quit: () => api.app.quit(),
    },
  });
  tray.update(core.jobs.state());
  // Updates only from the feed an administrator set; never delays the start, never stops the app.
  const updates = (opts.updatePolicy ?? (() => readUpdatePolicy(nodeCommandRunner(), process.platform)))()
    .then((policy) =>
      startAppUpdates({
        policy,
        install: api.install,
        updater: api.updater ?? (() => Promise.reject(new Error('electron-updater is not available'))),
        logger: core.logger,
        onReady: (version, installNow) => tray.setUpdateReady(version, installNow),
      }),
    )
    .catch((e: unknown) => {
      core.logger.warn('update.failed', { error: e instanceof Error ? e.message : String(e) });
      return undefined;
    });
  const notifier = createJobNotifier(api, {
    jobName: async (id) => (await core.jobStore.get(id)).name,
    failingAtStart: core.jobs.state().failingJobs,
    lang,
    icon: appIcon,
    onClick: () => showWindow(window),
  });
  core.events.subscribe((name, payload) => {
    if (name === 'app.state') tray.update(payload as Parameters<TrayController['update']>[0]);
    if (name === 'job.status') void notifier.onStatus(payload as Parameters<typeof notifier.onStatus>[0]);
  });

  // The app lives in the tray: closing the last window does not quit it.
  api.app.on('window-all-closed', () => undefined);
  api.app.on('activate', () => showWindow(window));
  api.app.on('before-quit', () => {
    guard.uninstall();
    stopIpc();
    core.stop();
    void dispatcher.close();
    tray.destroy();
    void updates.then((u) => u?.stop());
  });

  const hidden = launchedHidden(api.app, opts.argv);
  window.once('ready-to-show', () => {
    if (!hidden) showWindow(window);
  });
  await window.loadURL(startUrl);
  return { window, tray, dispatcher, core, startUrl, updates };
}

/** "Sync now" in the tray: every job, now. */
export async function syncAll(dispatcher: Dispatcher): Promise<number> {
  const r = await dispatcher.call('jobs.list', {});
  if (!r.ok) return 0;
  const jobs = (r.output as { jobs: Array<{ job: { id: string } }> }).jobs;
  await Promise.all(jobs.map((j) => dispatcher.call('jobs.runNow', { id: j.job.id })));
  return jobs.length;
}
