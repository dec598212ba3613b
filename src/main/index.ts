// Electron entry: the only file that imports 'electron' in the main process. It maps the real API onto the
// ElectronApi interfaces and hands over to startDesktopApp.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, Notification, safeStorage, session, shell, Tray } from 'electron';
import { favourSmallFootprint } from '../core/process/memory-footprint.js';
import { cliArguments, runCliHost } from './cli-launch.js';
import { startDesktopApp } from './desktop-app.js';
import type { ElectronApi, InstallInfo } from './electron-api.js';

const here = dirname(fileURLToPath(import.meta.url));
// The pump runs in this process: collect its short-lived garbage early (see memory-footprint.ts).
favourSmallFootprint();

/** How this copy was installed: NSIS leaves its uninstaller beside the .exe; app-update.yml names the publisher. */
function installInfo(): InstallInfo | undefined {
  if (!app.isPackaged) return undefined;
  const yml = join(process.resourcesPath, 'app-update.yml');
  return {
    nsis: existsSync(join(dirname(process.execPath), 'Uninstall Calpump.exe')),
    appUpdateYml: existsSync(yml) ? readFileSync(yml, 'utf8') : undefined,
  };
}

const api: ElectronApi = {
  app: app,
  // The security flags are pinned here too, whatever window-factory.ts asks for, where a reviewer (and
  // electronegativity) sees them at the one `new BrowserWindow`.
  createWindow: (options) =>
    new BrowserWindow({
      ...options,
      webPreferences: {
        ...options.webPreferences,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
      },
    }),
  createTray: (image) => new Tray(image),
  buildMenu: (template) => Menu.buildFromTemplate(template),
  createNotification: (options) => new Notification(options),
  notificationsSupported: () => Notification.isSupported(),
  safeStorage,
  shell,
  ipcMain: ipcMain,
  // Read when a request needs it: session.defaultSession exists only once the app is ready.
  proxySession: { resolveProxy: (url) => session.defaultSession.resolveProxy(url) },
  // Loaded only when an administrator set an update feed (src/main/app-updates.ts).
  updater: async () => {
    const m = await import('electron-updater');
    return m.autoUpdater ?? (m as unknown as { default: typeof m }).default.autoUpdater;
  },
  install: installInfo(),
};

const cli = cliArguments(process.argv);
if (cli) {
  // Calpump.exe --calpump-cli …: the command line (the Windows service, the installer), no desktop app.
  void runCliHost({ exit: (code) => app.exit(code) }, cli);
} else {
  startDesktopApp(api, {
    argv: process.argv,
    rendererIndex: join(here, '..', 'renderer', 'index.html'),
    devUrl: process.env.ELECTRON_RENDERER_URL,
    preloadPath: join(here, '..', 'preload', 'index.cjs'),
    assetsDir: join(app.getAppPath(), 'assets'),
  }).catch((e: unknown) => {
    console.error('Calpump could not start:', e);
    app.quit();
  });
}
