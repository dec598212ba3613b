// The one place the app window is made. Security flags are set here once and never loosened: isolated,
// sandboxed renderer without Node; no navigation away, no new windows, no webviews, no permissions; a strict CSP
// on everything the window loads.
import type { BrowserWindowLike, ElectronApi, WebContentsLike } from './electron-api.js';

export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface WindowOptions {
  preloadPath: string;
  /** file:///…/dist/renderer/index.html, or the dev server URL. */
  startUrl: string;
  icon?: string;
}

export function createMainWindow(api: ElectronApi, opts: WindowOptions): BrowserWindowLike {
  const win = api.createWindow({
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Calpump',
    icon: opts.icon,
    autoHideMenuBar: true,
    backgroundColor: '#fafafa',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });
  lockDownContents(win.webContents, api, opts.startUrl);
  applyCsp(win.webContents);
  blockRemoteRequests(win.webContents, opts.startUrl);
  return win;
}

/** Only the app's own page may be shown; links to the web open in the system browser. */
export function lockDownContents(contents: WebContentsLike, api: Pick<ElectronApi, 'shell'>, startUrl: string): void {
  const deny = (e: { preventDefault(): void }, url: string) => {
    if (!isSamePage(url, startUrl)) e.preventDefault();
  };
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) void api.shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler?.(() => false);
}

function applyCsp(contents: WebContentsLike): void {
  contents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...(details.responseHeaders ?? {}), 'Content-Security-Policy': [APP_CSP] } });
  });
}

/** No remote content: the window may load only from where the app page comes from (and inline data). */
function blockRemoteRequests(contents: WebContentsLike, startUrl: string): void {
  contents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalResource(details.url, startUrl) }));
}

export function isLocalResource(url: string, startUrl: string): boolean {
  try {
    const u = new URL(url);
    const start = new URL(startUrl);
    if (['data:', 'blob:', 'devtools:'].includes(u.protocol)) return true;
    if (start.protocol === 'file:') return u.protocol === 'file:';
    // Dev server: its http origin and its HMR WebSocket.
    return u.host === start.host && ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol);
  } catch {
    return false;
  }
}

export function isWebLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Same document (hash routes) as the start page: everything else is navigation away. */
export function isSamePage(url: string, startUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(startUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}
