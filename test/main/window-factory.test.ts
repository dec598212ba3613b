import { describe, expect, it } from 'vitest';
import { APP_CSP, createMainWindow, isLocalResource, isSamePage } from '../../src/main/window-factory.js';
import { createFakeElectron, type FakeWindow } from './fake-electron.js';

const START = 'file:///opt/Calpump/resources/app/dist/renderer/index.html';

function make() {
  const fake = createFakeElectron();
  createMainWindow(fake.api, { preloadPath: '/app/dist/preload/index.cjs', startUrl: START });
  return { fake, win: fake.windows[0] as FakeWindow };
}

describe('main window security', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    const { win } = make();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/preload/index.cjs',
    });
  });

  it('blocks navigation away from the app page, allows in-page routes', () => {
    const { win } = make();
    expect(win.webContents.navigate('https://evil.example/')).toBe(false);
    expect(win.webContents.navigate('file:///etc/passwd')).toBe(false);
    expect(win.webContents.navigate('https://evil.example/', 'will-redirect')).toBe(false);
    expect(win.webContents.navigate(`${START}#/jobs`)).toBe(true);
  });

  it('never opens new windows; https links go to the system browser, nothing else does', async () => {
    const { fake, win } = make();
    for (const url of ['https://learn.microsoft.com/exchange', 'http://example.com', 'file:///c:/x', 'javascript:alert(1)']) {
      expect(win.webContents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(fake.opened).toEqual(['https://learn.microsoft.com/exchange']);
  });

  it('denies every permission request and sets a strict CSP on responses', () => {
    const { win } = make();
    let granted: boolean | undefined;
    win.webContents.permissionHandler!(null, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    let headers: Record<string, unknown> | undefined;
    win.webContents.headersListener!(
      { url: START, responseHeaders: { 'X-Other': ['1'] } },
      (r: { responseHeaders: Record<string, unknown> }) => (headers = r.responseHeaders),
    );
    expect(headers!['Content-Security-Policy']).toEqual([APP_CSP]);
    expect(headers!['X-Other']).toEqual(['1']);
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toMatch(/script-src[^;]*(unsafe|http)/);
  });

  it('loads no remote content: only the app files (or the dev server) and inline data', () => {
    const { win } = make();
    const cancelled = (url: string) => {
      let r: { cancel?: boolean } = {};
      win.webContents.beforeRequest!({ url }, (x: { cancel?: boolean }) => (r = x));
      return r.cancel;
    };
    expect(cancelled('file:///opt/Calpump/resources/app/dist/renderer/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://cdn.example.com/font.woff2')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(isLocalResource('ws://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isLocalResource('https://example.com/', 'http://localhost:5173/')).toBe(false);
  });

  it('compares pages by scheme, host and path', () => {
    expect(isSamePage('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
    expect(isSamePage('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isSamePage('not a url', START)).toBe(false);
  });
});
