// The URL guards against hostile input: local files outside the app, UNC shares, script and handler schemes,
// look-alike hosts, user-info tricks, punycode, mixed case and trailing dots.
import { describe, expect, it } from 'vitest';
import { checkExternalLink, isRendererResource, isSamePage, loggableUrl, typedOrigin } from '../../src/main/url-guards.js';

const START = 'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/renderer/index.html';
const DEV = 'http://localhost:5173/';

describe('what the window may load', () => {
  it('loads the files of its own renderer folder and inline data', () => {
    for (const url of [
      'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/renderer/index.html',
      'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/renderer/assets/index-abc.js',
      'file:///C:/Program Files/Calpump/resources/app.asar/dist/renderer/assets/font.woff2',
      'data:image/png;base64,AAAA',
      'blob:file:///1234-5678',
    ]) {
      expect(isRendererResource(url, START), url).toBe(true);
    }
  });

  it.each([
    ['another file on the drive', 'file:///C:/Windows/System32/drivers/etc/hosts'],
    ['the user profile', 'file:///C:/Users/admin/AppData/Roaming/Calpump/secrets.enc.json'],
    ['a sibling folder of the renderer', 'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/main/index.js'],
    ['a folder whose name starts like the renderer', 'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/renderer-evil/x.js'],
    ['dot segments', 'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/renderer/../../../../Windows/win.ini'],
    ['encoded dot segments', 'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/renderer/%2e%2e/%2e%2e/secret'],
    ['an encoded slash', 'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/renderer/..%2F..%2Fsecret'],
    ['an encoded backslash', 'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/renderer/..%5C..%5Csecret'],
    ['an encoded NUL', 'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/renderer/a.js%00.png'],
    ['broken percent-encoding', 'file:///C:/Program%20Files/Calpump/resources/app.asar/dist/renderer/%E0%A4%A'],
    ['a UNC share as file://host/share', 'file://fileserver/share/dist/renderer/index.html'],
    ['a UNC share with the renderer path', 'file://evil.example/C:/Program%20Files/Calpump/resources/app.asar/dist/renderer/x.js'],
    ['a UNC path', '\\\\fileserver\\share\\x.js'],
    ['another drive', 'file:///D:/Program%20Files/Calpump/resources/app.asar/dist/renderer/x.js'],
    ['the web', 'https://cdn.example.com/font.woff2'],
    ['a loopback server', 'http://127.0.0.1:8080/'],
    ['javascript:', 'javascript:alert(1)'],
    ['a protocol handler', 'ms-msdt:/id PCWDiagnostic /skip force'],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(isRendererResource(url, START)).toBe(false);
  });

  it('in development: the dev server and its HMR socket, nothing else', () => {
    expect(isRendererResource('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isRendererResource('ws://localhost:5173/', DEV)).toBe(true);
    expect(isRendererResource('http://localhost:5174/', DEV)).toBe(false);
    expect(isRendererResource('https://example.com/', DEV)).toBe(false);
    expect(isRendererResource('file:///C:/Windows/win.ini', DEV)).toBe(false);
  });

  it('a start page on a share never opens its share to the window', () => {
    expect(isRendererResource('file://host/share/renderer/a.js', 'file://host/share/renderer/index.html')).toBe(false);
  });
});

describe('navigation', () => {
  it('stays on the app page: same scheme, host and path; hash routes are fine', () => {
    expect(isSamePage(`${START}#/jobs`, START)).toBe(true);
    expect(isSamePage('http://localhost:5173/#/x', DEV)).toBe(true);
    expect(isSamePage('http://localhost:5174/', DEV)).toBe(false);
    expect(isSamePage('file:///C:/Windows/System32/cmd.exe', START)).toBe(false);
    expect(isSamePage('javascript:alert(1)', START)).toBe(false);
    expect(isSamePage('not a url', START)).toBe(false);
  });
});

describe('links to the system browser', () => {
  it.each([
    'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?client_id=x',
    'https://microsoft.com/devicelogin',
    'https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/impersonation-and-ews-in-exchange',
    'HTTPS://LOGIN.MicrosoftOnline.COM/common/',
    'https://aka.ms/devicelogin',
  ])('opens %s', (url) => {
    const v = checkExternalLink(url);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.href).toBe(new URL(url).href);
  });

  it.each([
    ['a local file', 'file:///C:/Windows/System32/calc.exe', 'scheme'],
    ['javascript:', 'javascript:alert(document.domain)', 'scheme'],
    ['ms-msdt: (Follina)', 'ms-msdt:/id PCWDiagnostic /skip force /param "IT_BrowseForFile=x"', 'scheme'],
    ['search-ms:', 'search-ms:query=x&crumb=location:\\\\evil.example\\share', 'scheme'],
    ['a UNC path', '\\\\evil.example\\share\\payload.exe', 'unparseable'],
    ['file://host/share', 'file://evil.example/share/payload.exe', 'scheme'],
    ['plain http to a sign-in host', 'http://login.microsoftonline.com/', 'scheme'],
    ['a look-alike suffix', 'https://login.microsoftonline.com.evil.example/', 'host'],
    ['a look-alike prefix', 'https://evil-login.microsoftonline.com/', 'host'],
    ['a subdomain of an allowed host', 'https://evil.learn.microsoft.com/', 'host'],
    ['user info before the real host', 'https://login.microsoftonline.com@evil.example/', 'credentials'],
    ['user and password', 'https://user:pass@login.microsoftonline.com/', 'credentials'],
    ['a punycode look-alike (Cyrillic o)', 'https://login.micr\u043esoftonline.com/', 'host'],
    ['an explicit punycode host', 'https://xn--login-microsoftonline-xyz.com/', 'host'],
    ['a trailing dot', 'https://login.microsoftonline.com./', 'host'],
    ['another port', 'https://login.microsoftonline.com:8443/', 'port'],
    ['an IP address', 'https://20.190.128.1/', 'host'],
    ['anything else on the web', 'https://evil.example/', 'host'],
    ['not a URL', 'login.microsoftonline.com', 'unparseable'],
  ])('refuses %s', (_what, url, reason) => {
    expect(checkExternalLink(url)).toEqual({ ok: false, reason });
  });

  it('adds exactly the origins typed into sign-in fields (an AD FS farm, with its port)', () => {
    const origins = [typedOrigin('https://adfs.contoso.com/adfs/')!, typedOrigin('https://sts.contoso.com:8443')!];
    expect(origins).toEqual(['https://adfs.contoso.com', 'https://sts.contoso.com:8443']);
    expect(checkExternalLink('https://adfs.contoso.com/adfs/oauth2/authorize?x=1', origins).ok).toBe(true);
    expect(checkExternalLink('https://sts.contoso.com:8443/adfs/ls', origins).ok).toBe(true);
    expect(checkExternalLink('https://sts.contoso.com/adfs/ls', origins)).toEqual({ ok: false, reason: 'host' });
    expect(checkExternalLink('https://adfs.contoso.com.evil.example/', origins)).toEqual({ ok: false, reason: 'host' });
    expect(checkExternalLink('http://adfs.contoso.com/', origins)).toEqual({ ok: false, reason: 'scheme' });
    expect(checkExternalLink('https://x@adfs.contoso.com/', origins)).toEqual({ ok: false, reason: 'credentials' });
  });

  it('never adds a typed value that is not a plain https origin', () => {
    for (const typed of [
      'http://adfs.contoso.com',
      'https://u:p@adfs.contoso.com',
      'https://adfs.contoso.com./',
      'file:///C:/x',
      'adfs',
      '',
    ]) {
      expect(typedOrigin(typed), typed).toBeUndefined();
    }
    expect(typedOrigin(undefined)).toBeUndefined();
  });
});

describe('what the log keeps of a refused URL', () => {
  it('scheme, host and path; never the query or fragment', () => {
    expect(loggableUrl('https://evil.example/a?code=secret#token=x')).toBe('https://evil.example/a');
    expect(loggableUrl('javascript:alert(document.cookie)')).toBe('javascript:');
    expect(loggableUrl('file:///C:/Windows/win.ini')).toBe('file:///C:/Windows/win.ini');
  });
});
