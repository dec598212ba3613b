import { describe, expect, it } from 'vitest';
import { createLinkOpener } from '../../src/main/external-links.js';
import { createMainWindow } from '../../src/main/window-factory.js';
import { createFakeElectron } from './fake-electron.js';

const START = 'file:///opt/Calpump/resources/app/dist/renderer/index.html';

function make() {
  const fake = createFakeElectron();
  const refused: Array<[string, string]> = [];
  const links = createLinkOpener(fake.api.shell, { origins: async () => [], onRefused: (url, reason) => refused.push([reason, url]) });
  createMainWindow(fake.api, {
    preloadPath: '/app/dist/preload/index.cjs',
    startUrl: START,
    links,
    onRefused: (kind, url) => refused.push([kind, url]),
  });
  return { fake, win: fake.windows[0], refused };
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
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/dist/preload/index.cjs',
    });
  });

  it('blocks and logs navigation away from the app page, allows in-page routes', () => {
    const { win, refused } = make();
    expect(win.webContents.navigate('https://evil.example/?token=x')).toBe(false);
    expect(win.webContents.navigate('file:///C:/Windows/System32/cmd.exe')).toBe(false);
    expect(win.webContents.navigate('javascript:alert(1)')).toBe(false);
    expect(win.webContents.navigate('https://evil.example/', 'will-redirect')).toBe(false);
    expect(win.webContents.navigate(`${START}#/jobs`)).toBe(true);
    expect(refused).toEqual([
      ['navigation', 'https://evil.example/'],
      ['navigation', 'file:///C:/Windows/System32/cmd.exe'],
      ['navigation', 'javascript:'],
      ['navigation', 'https://evil.example/'],
    ]);
  });

  it('never opens new windows; only allow-listed links go to the system browser, the rest is logged', async () => {
    const { fake, win, refused } = make();
    const urls = [
      'https://learn.microsoft.com/exchange',
      'http://example.com',
      'file:///c:/x',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'https://login.microsoftonline.com@evil.example/',
    ];
    for (const url of urls) expect(win.webContents.openHandler!({ url })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.opened).toEqual(['https://learn.microsoft.com/exchange']);
    expect(refused.map(([reason]) => reason)).toEqual(['scheme', 'scheme', 'scheme', 'scheme', 'credentials']);
  });

  it('denies every permission request and sets a strict CSP on responses', () => {
    const { win } = make();
    let granted: boolean | undefined;
    win.webContents.permissionHandler!(null, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    let headers: Record<string, unknown> | undefined;
    win.webContents.headersListener!({ url: START, responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    const [csp] = headers!['Content-Security-Policy'] as string[];
    expect(headers!['X-Other']).toEqual(['1']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/(default|script)-src[^;]*(unsafe|http|\*)/);
  });

  it('loads no foreign content: only the files of its renderer folder and inline data; refusals are logged', () => {
    const { win, refused } = make();
    const cancelled = (url: string) => {
      let r: { cancel?: boolean } = {};
      win.webContents.beforeRequest!({ url }, (x: { cancel?: boolean }) => (r = x));
      return r.cancel;
    };
    expect(cancelled('file:///opt/Calpump/resources/app/dist/renderer/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://cdn.example.com/font.woff2')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('file://fileserver/share/x.js')).toBe(true);
    expect(refused).toEqual([
      ['resource', 'https://cdn.example.com/font.woff2'],
      ['resource', 'http://127.0.0.1:8080/'],
      ['resource', 'file:///etc/passwd'],
      ['resource', 'file://fileserver/share/x.js'],
    ]);
  });
});
