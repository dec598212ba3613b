// The one place the app window is made. Security flags are set here once and never loosened: isolated,
// sandboxed renderer without Node; no navigation away, no new windows, no webviews, no permissions; a strict CSP
// on everything the window loads; nothing loaded from outside the app's own renderer folder. Links leave only
// through the allow-listed opener (external-links.ts). Every refusal is reported to `onRefused` for the log.
import type { BrowserWindowLike, ElectronApi, WebContentsLike } from './electron-api.js';
import type { LinkOpener } from './external-links.js';
import { isRendererResource, isSamePage, loggableUrl } from './url-guards.js';

export interface WindowOptions {
  preloadPath: string;
  /** file:///…/dist/renderer/index.html, or the dev server URL. */
  startUrl: string;
  icon?: string;
  links: LinkOpener;
  onRefused?: RefusalListener;
}

export type RefusedKind = 'navigation' | 'resource' | 'webview';
export type RefusalListener = (kind: RefusedKind, url: string) => void;

export function createMainWindow(api: Pick<ElectronApi, 'createWindow'>, opts: WindowOptions): BrowserWindowLike {
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
      // Middle-click (auxclick) would open links in new windows; the open handler denies those anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const refused = opts.onRefused ?? (() => undefined);
  lockDownContents(win.webContents, opts.links, opts.startUrl, refused);
  applyCsp(win.webContents);
  blockForeignRequests(win.webContents, opts.startUrl, refused);
  return win;
}

/** Only the app's own page may be shown; allow-listed links open in the system browser, never in the app. */
export function lockDownContents(contents: WebContentsLike, links: LinkOpener, startUrl: string, onRefused: RefusalListener): void {
  const deny = (e: { preventDefault(): void }, url: string) => {
    if (isSamePage(url, startUrl)) return;
    e.preventDefault();
    onRefused('navigation', loggableUrl(url));
  };
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', (e) => {
    e.preventDefault();
    onRefused('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    void links.open(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler?.(() => false);
}

/** The policy is one literal at the header, so a reviewer and electronegativity's CSP evaluator read exactly what is sent. */
function applyCsp(contents: WebContentsLike): void {
  contents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...(details.responseHeaders ?? {}),
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

/** No foreign content: the window loads only files of its own renderer folder (or the dev server) and inline data. */
function blockForeignRequests(contents: WebContentsLike, startUrl: string, onRefused: RefusalListener): void {
  contents.session.webRequest.onBeforeRequest((details, callback) => {
    const ok = isRendererResource(details.url, startUrl);
    if (!ok) onRefused('resource', loggableUrl(details.url));
    callback({ cancel: !ok });
  });
}
