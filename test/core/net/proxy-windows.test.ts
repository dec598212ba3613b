// The Windows proxy setting applied to URLs (through a typed fake of the registry reader): WPAD first, then the
// setup script, then the manual proxy and its bypass list — each failure falling through as on Windows, and
// every answer saying which setting gave it.
import type { TextRef } from '../../../src/shared/errors.js';
import { renderEngineText } from '../../../src/shared/i18n/engine-texts.js';
import { describe, expect, it } from 'vitest';
import { PacCache } from '../../../src/core/net/proxy-pac.js';
import { onBypassList, proxyForScheme, windowsSystemProxy, wpadCandidates } from '../../../src/core/net/proxy-windows.js';
import { fakeWindowsProxy } from '../../support/fake-windows-proxy.js';

const IE = 'wininetUser' as const;
const IE_TEXT = { key: 'proxy.origin.wininetUser' };
const en = (ref: TextRef | undefined) => (ref ? renderEngineText(ref, 'en') : '');
const PAC = `function FindProxyForURL(url, host) { return dnsDomainIs(host, ".contoso.com") ? "PROXY pac-proxy.contoso.com:3128" : "DIRECT"; }`;

function pacFiles(files: Record<string, string>) {
  const loads: string[] = [];
  const cache = new PacCache(async (location) => {
    loads.push(location);
    if (!(location in files)) throw new Error(`ENOTFOUND ${location}`);
    return files[location];
  });
  return { cache, loads };
}

describe('bypass list and proxy server', () => {
  it.each([
    ['*.contoso.com', 'mail.contoso.com', 443, true],
    ['*.contoso.com', 'contoso.com', 443, false],
    ['mail.contoso.com', 'MAIL.contoso.com', 443, true],
    ['10.*', '10.1.2.3', 443, true],
    ['10.*', '110.1.2.3', 443, false],
    ['<local>', 'exchange01', 443, true],
    ['<local>', 'exchange01.contoso.com', 443, false],
    ['https://mail.contoso.com', 'mail.contoso.com', 443, true],
    ['mail.contoso.com:8443', 'mail.contoso.com', 443, false],
    ['a.example; *.contoso.com', 'x.contoso.com', 443, true],
    [undefined, 'x', 443, false],
  ])('%s vs %s:%d → %s', (list, host, port, expected) => {
    expect(onBypassList(list, host, port)).toBe(expected);
  });

  it('one proxy for all, or one per scheme', () => {
    expect(proxyForScheme('proxy.contoso.com:8080', 'https')).toBe('proxy.contoso.com:8080');
    expect(proxyForScheme('http://proxy.contoso.com:8080/', 'https')).toBe('proxy.contoso.com:8080');
    expect(proxyForScheme('proxy.contoso.com', 'http')).toBe('proxy.contoso.com:80');
    expect(proxyForScheme('http=h:80;https=s:8443;ftp=f:21', 'https')).toBe('s:8443');
    expect(proxyForScheme('http=h:80', 'https')).toBeUndefined();
  });

  it('WPAD names: the domain and its parents, never a bare top-level domain', () => {
    expect(wpadCandidates(['eu.corp.contoso.com', 'contoso.com'])).toEqual([
      'wpad.eu.corp.contoso.com',
      'wpad.corp.contoso.com',
      'wpad.contoso.com',
    ]);
    expect(wpadCandidates(['local'])).toEqual([]);
  });
});

describe('windowsSystemProxy', () => {
  const mail = new URL('https://mail.contoso.com/EWS/Exchange.asmx');

  it('no setting anywhere: no answer (the environment and direct decide)', async () => {
    const sys = windowsSystemProxy(fakeWindowsProxy({ wininet: { origin: IE, autoDetect: false } }));
    expect(await sys.resolve(mail)).toBeUndefined();
  });

  it('manual proxy with bypass list; per-scheme proxy without https goes direct', async () => {
    const sys = windowsSystemProxy(
      fakeWindowsProxy({
        wininet: { origin: IE, autoDetect: false, proxyServer: 'proxy.contoso.com:8080', bypassList: '*.contoso.local;<local>' },
      }),
    );
    expect(await sys.resolve(mail)).toEqual({ pac: 'PROXY proxy.contoso.com:8080', why: 'windows', source: IE_TEXT });
    const bypassed = await sys.resolve(new URL('https://ex01.contoso.local/'));
    expect(bypassed).toEqual({
      pac: 'DIRECT',
      why: 'windows',
      source: { key: 'proxy.source.windowsBypass', params: { origin: IE_TEXT, host: 'ex01.contoso.local' } },
    });
    expect(en(bypassed?.source)).toBe('Internet Options (WinINET, this user): ex01.contoso.local is on the bypass list');
    expect(renderEngineText(bypassed!.source, 'de')).toBe(
      'Internetoptionen (WinINET, dieser Benutzer): ex01.contoso.local steht in der Umgehungsliste',
    );
    const perScheme = windowsSystemProxy(fakeWindowsProxy({ wininet: { origin: IE, autoDetect: false, proxyServer: 'http=h:80' } }));
    expect((await perScheme.resolve(mail))?.pac).toBe('DIRECT');
  });

  it('setup script (PAC) before the manual proxy; a failing script falls through and is named', async () => {
    const { cache } = pacFiles({ 'http://pac.contoso.com/proxy.pac': PAC });
    const fake = fakeWindowsProxy({
      wininet: { origin: IE, autoDetect: false, autoConfigUrl: 'http://pac.contoso.com/proxy.pac', proxyServer: 'manual:8080' },
    });
    const sys = windowsSystemProxy(fake, { pac: cache });
    const viaPac = await sys.resolve(mail);
    expect(viaPac).toMatchObject({ pac: 'PROXY pac-proxy.contoso.com:3128', why: 'pac' });
    expect(en(viaPac?.source)).toBe('PAC file http://pac.contoso.com/proxy.pac (Internet Options (WinINET, this user))');
    fake.state.wininet!.autoConfigUrl = 'http://gone.contoso.com/proxy.pac';
    const later = windowsSystemProxy(fake, { pac: cache });
    const r = await later.resolve(mail);
    expect(r).toMatchObject({ pac: 'PROXY manual:8080', why: 'windows' });
    expect(r!.tried).toHaveLength(1);
    expect(r!.tried![0]).toMatch(/^PAC http:\/\/gone\.contoso\.com\/proxy\.pac: ENOTFOUND/);
  });

  it('WPAD: wpad.<domain> by DNS, nearest first, found once and reused', async () => {
    const { cache, loads } = pacFiles({ 'http://wpad.contoso.com/wpad.dat': PAC });
    const looked: string[] = [];
    const lookup = async (host: string) => {
      looked.push(host);
      if (host !== 'wpad.contoso.com') throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return { address: '10.0.0.5' };
    };
    const fake = fakeWindowsProxy({ wininet: { origin: IE, autoDetect: true }, dnsDomains: ['eu.contoso.com'] });
    const sys = windowsSystemProxy(fake, { pac: cache, lookup });
    expect(await sys.resolve(mail)).toEqual({
      pac: 'PROXY pac-proxy.contoso.com:3128',
      why: 'wpad',
      source: { key: 'proxy.source.wpad', params: { location: 'http://wpad.contoso.com/wpad.dat' } },
    });
    expect(await sys.resolve(new URL('https://outlook.office365.com/'))).toMatchObject({ pac: 'DIRECT', why: 'wpad' });
    expect(looked).toEqual(['wpad.eu.contoso.com', 'wpad.contoso.com']);
    expect(loads).toEqual(['http://wpad.contoso.com/wpad.dat']);
    expect(fake.reads).toBe(1);
  });

  it('WPAD finding nothing falls through to the manual proxy and says what it tried', async () => {
    const sys = windowsSystemProxy(
      fakeWindowsProxy({ wininet: { origin: IE, autoDetect: true, proxyServer: 'manual:8080' }, dnsDomains: ['contoso.com'] }),
      { pac: pacFiles({}).cache, lookup: async () => Promise.reject(new Error('ENOTFOUND')) },
    );
    const r = await sys.resolve(mail);
    expect(r).toMatchObject({ pac: 'PROXY manual:8080', why: 'windows' });
    expect(r!.tried).toEqual(['WPAD wpad.dat: none (wpad.contoso.com)']);
    expect(r!.source).toEqual(IE_TEXT);
  });

  it('a service without a user setting gets WinHTTP (netsh winhttp set proxy)', async () => {
    const sys = windowsSystemProxy(
      fakeWindowsProxy({
        wininet: { origin: IE, autoDetect: false },
        winhttp: { origin: 'winhttp', autoDetect: false, proxyServer: 'winhttp.contoso.com:3128', bypassList: '<local>' },
      }),
    );
    const r = await sys.resolve(mail);
    expect(r).toMatchObject({ pac: 'PROXY winhttp.contoso.com:3128', why: 'windows' });
    expect(en(r?.source)).toBe('WinHTTP (netsh winhttp)');
  });

  it('the setting is read again after a minute, not per request', async () => {
    let now = 0;
    const fake = fakeWindowsProxy({ wininet: { origin: IE, autoDetect: false, proxyServer: 'a:1' } });
    const sys = windowsSystemProxy(fake, { now: () => now });
    await sys.resolve(mail);
    await sys.resolve(mail);
    expect(fake.reads).toBe(1);
    fake.state.wininet!.proxyServer = 'b:2';
    now += 60_001;
    expect((await sys.resolve(mail))?.pac).toBe('PROXY b:2');
    expect(fake.reads).toBe(2);
  });
});
