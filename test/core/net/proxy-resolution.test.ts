import { describe, expect, it } from 'vitest';
import { PacCache } from '../../../src/core/net/proxy-pac.js';
import {
  describeProxy as routeText,
  matchesNoProxy,
  resolveProxy,
  routeFacts,
  type ProxyRoute,
} from '../../../src/core/net/proxy-resolution.js';
import { renderEngineText } from '../../../src/shared/i18n/engine-texts.js';
import type { SystemProxy } from '../../../src/core/net/proxy-system.js';
import { secretKey } from '../../../src/shared/profile.js';
import { memorySecrets } from './fakes.js';

/** The route as an English reader sees it. */
const describeProxy = (r: ProxyRoute) => renderEngineText(routeText(r), 'en');

const ctx = (env: NodeJS.ProcessEnv, setting?: Parameters<typeof resolveProxy>[1]['setting']) => ({
  setting,
  profileId: 'p1',
  secrets: memorySecrets({ [secretKey('p1', 'proxyPassword')]: 'pr0xy-s3cret' }),
  env,
});

describe('NO_PROXY matching', () => {
  it.each([
    ['mail.contoso.com', 'mail.contoso.com', 443, true],
    ['contoso.com', 'mail.contoso.com', 443, true],
    ['.contoso.com', 'mail.contoso.com', 443, true],
    ['*.contoso.com', 'mail.contoso.com', 443, true],
    ['.contoso.com', 'contoso.com', 443, true],
    ['contoso.com', 'notcontoso.com', 443, false],
    ['fabrikam.com,contoso.com', 'mail.contoso.com', 443, true],
    ['fabrikam.com contoso.com', 'mail.contoso.com', 443, true],
    ['mail.contoso.com:8443', 'mail.contoso.com', 443, false],
    ['mail.contoso.com:443', 'mail.contoso.com', 443, true],
    ['*', 'anything.example', 443, true],
    ['127.0.0.1', '127.0.0.1', 8080, true],
    ['MAIL.Contoso.COM', 'mail.contoso.com', 443, true],
    ['', 'mail.contoso.com', 443, false],
  ])('%j vs %s:%d → %s', (list, host, port, expected) => {
    expect(matchesNoProxy(list, host, port)).toBe(expected);
  });
});

describe('resolveProxy', () => {
  const target = new URL('https://mail.contoso.com/EWS/Exchange.asmx');

  it('system: HTTPS_PROXY for https targets, shown with its source and without credentials', async () => {
    const r = await resolveProxy(target, ctx({ HTTPS_PROXY: 'http://u:pw@proxy.corp:3128', HTTP_PROXY: 'http://other:8080' }));
    expect(r.kind).toBe('proxy');
    expect(r.username).toBe('u');
    expect(r.password).toBe('pw');
    expect(describeProxy(r)).toBe('proxy http://proxy.corp:3128 as u (from HTTPS_PROXY)');
    expect(describeProxy(r)).not.toContain('pw');
  });

  it('system: falls back to lower-case and HTTP_PROXY', async () => {
    expect(describeProxy(await resolveProxy(target, ctx({ https_proxy: 'proxy.corp:3128' })))).toBe(
      'proxy http://proxy.corp:3128 (from https_proxy)',
    );
    expect(describeProxy(await resolveProxy(target, ctx({ HTTP_PROXY: 'http://proxy.corp:8080' })))).toBe(
      'proxy http://proxy.corp:8080 (from HTTP_PROXY)',
    );
    const plain = await resolveProxy(new URL('http://mail.contoso.com/'), ctx({ HTTPS_PROXY: 'http://p:1' }));
    expect(plain.kind).toBe('direct');
  });

  it('system: NO_PROXY bypasses the proxy and says so', async () => {
    const r = await resolveProxy(target, ctx({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'localhost,.contoso.com' }));
    expect(describeProxy(r)).toBe('direct (host in NO_PROXY)');
    const other = await resolveProxy(
      new URL('https://outlook.office365.com/'),
      ctx({ HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: '.contoso.com' }),
    );
    expect(other.kind).toBe('proxy');
  });

  it('system without variables is direct', async () => {
    expect(describeProxy(await resolveProxy(target, ctx({})))).toBe('direct (no proxy variable set)');
  });

  it('url: password comes from the SecretStore, never from the profile', async () => {
    const r = await resolveProxy(
      target,
      ctx({ HTTPS_PROXY: 'http://ignored:1' }, { mode: 'url', url: 'http://proxy.corp:3128', username: 'svc-proxy' }),
    );
    expect(r.proxyUrl?.href).toBe('http://proxy.corp:3128/');
    expect(r.username).toBe('svc-proxy');
    expect(r.password).toBe('pr0xy-s3cret');
    expect(describeProxy(r)).toBe('proxy http://proxy.corp:3128 as svc-proxy (from profile)');
  });

  it('none: always direct, even with variables set', async () => {
    const r = await resolveProxy(target, ctx({ HTTPS_PROXY: 'http://proxy.corp:3128' }, { mode: 'none' }));
    expect(describeProxy(r)).toBe('direct (profile proxy: none)');
  });

  const PAC = `function FindProxyForURL(url, host) {
    if (host == "mail.contoso.com") return "PROXY pac-proxy.contoso.com:3128; DIRECT";
    if (host == "socks.contoso.com") return "SOCKS5 s:1080";
    return "DIRECT"; }`;
  const pacCache = () => new PacCache(async () => PAC);
  const pacSetting = { mode: 'pac' as const, pacUrl: 'http://pac.contoso.com/proxy.pac', username: 'CONTOSO\\svc-proxy' };

  it("pac: the profile's PAC file decides per host; the proxy account comes with a proxy, not with DIRECT", async () => {
    const r = await resolveProxy(target, { ...ctx({ HTTPS_PROXY: 'http://ignored:1' }, pacSetting), pac: pacCache() });
    expect(r).toMatchObject({ kind: 'proxy', why: 'pac', username: 'CONTOSO\\svc-proxy', password: 'pr0xy-s3cret' });
    expect(describeProxy(r)).toBe(
      'proxy http://pac-proxy.contoso.com:3128 as CONTOSO\\svc-proxy (from PAC file http://pac.contoso.com/proxy.pac: "PROXY pac-proxy.contoso.com:3128; DIRECT")',
    );
    const direct = await resolveProxy(new URL('https://ex01.contoso.local/'), { ...ctx({}, pacSetting), pac: pacCache() });
    expect(direct).toMatchObject({ kind: 'direct', why: 'pac' });
    expect(direct.password).toBeUndefined();
    expect(describeProxy(direct)).toBe('direct (PAC file http://pac.contoso.com/proxy.pac: "DIRECT")');
  });

  it('pac: an answer with nothing usable (SOCKS only) is net.proxy.pac naming the file', async () => {
    const e = await resolveProxy(new URL('https://socks.contoso.com/'), { ...ctx({}, pacSetting), pac: pacCache() }).catch(
      (x: unknown) => x,
    );
    expect(e).toMatchObject({ id: 'net.proxy.pac', params: { pac: 'http://pac.contoso.com/proxy.pac' } });
  });

  it('system: environment variables first, then the system setting (Windows, Electron), else direct', async () => {
    const asked: string[] = [];
    const system: SystemProxy = {
      async resolve(url) {
        asked.push(url.host);
        return url.host === 'mail.contoso.com'
          ? {
              pac: 'PROXY win-proxy.contoso.com:8080',
              why: 'windows',
              source: { key: 'proxy.origin.wininetUser' },
              tried: ['WPAD wpad.dat: none (dnsDomains=0)'],
            }
          : {
              pac: 'DIRECT',
              why: 'windows',
              source: { key: 'proxy.source.windowsBypass', params: { origin: { key: 'proxy.origin.wininetUser' }, host: 'x' } },
            };
      },
    };
    const withUser = { mode: 'system' as const, username: 'svc-proxy' };
    const viaWindows = await resolveProxy(target, { ...ctx({}, withUser), system });
    expect(viaWindows).toMatchObject({ kind: 'proxy', why: 'windows', username: 'svc-proxy', password: 'pr0xy-s3cret' });
    expect(describeProxy(viaWindows)).toBe(
      'proxy http://win-proxy.contoso.com:8080 as svc-proxy (from Internet Options (WinINET, this user): "PROXY win-proxy.contoso.com:8080")',
    );
    expect(renderEngineText(routeText(viaWindows), 'de')).toBe(
      'Proxy http://win-proxy.contoso.com:8080 als svc-proxy (aus Internetoptionen (WinINET, dieser Benutzer): „PROXY win-proxy.contoso.com:8080“)',
    );
    expect(routeFacts(viaWindows)).toBe('http://win-proxy.contoso.com:8080 user=svc-proxy why=windows; WPAD wpad.dat: none (dnsDomains=0)');
    const bypassed = await resolveProxy(new URL('https://x/'), { ...ctx({}), system });
    expect(bypassed).toMatchObject({ kind: 'direct', why: 'windows' });
    const env = await resolveProxy(target, { ...ctx({ HTTPS_PROXY: 'http://env:3128' }, withUser), system });
    expect(env).toMatchObject({ why: 'environment', username: 'svc-proxy' });
    const noProxy = await resolveProxy(target, { ...ctx({ NO_PROXY: '.contoso.com' }), system });
    expect(noProxy).toMatchObject({ kind: 'direct', why: 'noProxy' });
    expect(asked).toEqual(['mail.contoso.com', 'x']);
    const none = await resolveProxy(target, { ...ctx({}), system: { resolve: async () => undefined } });
    expect(describeProxy(none)).toBe('direct (no system proxy setting)');
  });
});
