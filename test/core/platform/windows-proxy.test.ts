// The Windows proxy setting as reg.exe shows it: values, the Connections blobs of WinINET and WinHTTP, the
// per-machine policy, and the DNS domain for WPAD — read through a fake command runner with captured output.
import { describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../../src/core/platform/service-manager.js';
import {
  hasProxySetting,
  parseConnectionBlob,
  parseRegQuery,
  registryProxySettings,
  wininetConfig,
  winhttpConfig,
} from '../../../src/core/platform/windows-proxy.js';

/** A Connections blob as Windows writes it: version, counter, flags, then length-prefixed strings. */
function blob(flags: number, proxy = '', bypass = '', script = ''): string {
  const parts = [Buffer.alloc(12)];
  parts[0].writeUInt32LE(0x46, 0);
  parts[0].writeUInt32LE(7, 4);
  parts[0].writeUInt32LE(flags, 8);
  for (const s of [proxy, bypass, script]) {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(s.length);
    parts.push(len, Buffer.from(s, 'latin1'));
  }
  parts.push(Buffer.alloc(32));
  return Buffer.concat(parts).toString('hex').toUpperCase();
}

const INTERNET_SETTINGS = `
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
    CertificateRevocation    REG_DWORD    0x1
    ProxyEnable    REG_DWORD    0x1
    ProxyServer    REG_SZ    http=proxy.contoso.com:8080;https=proxy.contoso.com:8443
    ProxyOverride    REG_SZ    *.contoso.local;10.*;<local>
    AutoConfigURL    REG_SZ    http://pac.contoso.com/proxy.pac

HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\5.0
`;

describe('reg.exe output', () => {
  it('reads names with spaces, types and data; subkeys are not values', () => {
    const v = parseRegQuery(INTERNET_SETTINGS.replace(/\n/g, '\r\n'));
    expect(v.get('proxyenable')).toBe('0x1');
    expect(v.get('proxyserver')).toBe('http=proxy.contoso.com:8080;https=proxy.contoso.com:8443');
    expect(v.get('autoconfigurl')).toBe('http://pac.contoso.com/proxy.pac');
    expect(v.size).toBe(5);
    expect(parseRegQuery('    NV Domain    REG_SZ    corp.contoso.com\n    Empty    REG_SZ\n').get('nv domain')).toBe('corp.contoso.com');
  });

  it('Connections blobs: flags and the strings after them', () => {
    expect(parseConnectionBlob(blob(0x0f, 'p:8080', '<local>', 'http://pac/x.pac'))).toEqual({
      flags: 0x0f,
      proxy: 'p:8080',
      bypass: '<local>',
      script: 'http://pac/x.pac',
    });
    expect(parseConnectionBlob('0102')).toBeUndefined();
    // Truncated: what is there is read, nothing beyond the end.
    expect(parseConnectionBlob(blob(3, 'p:1').slice(0, 36))?.proxy).toBeUndefined();
  });

  it('WinINET: the blob decides what is switched on; the key values fill in', () => {
    const values = parseRegQuery(INTERNET_SETTINGS);
    const detectOnly = wininetConfig('wininetUser', values, blob(0x09));
    expect(detectOnly).toMatchObject({ autoDetect: true, autoConfigUrl: undefined, proxyServer: undefined });
    const all = wininetConfig('wininetUser', values, blob(0x0f, 'p:8080', '*.x', 'http://s/p.pac'));
    expect(all).toMatchObject({ autoDetect: true, autoConfigUrl: 'http://s/p.pac', proxyServer: 'p:8080', bypassList: '*.x' });
    // Without a blob (older Windows, policies): ProxyEnable and AutoConfigURL.
    expect(wininetConfig('wininetUser', values, undefined)).toMatchObject({
      autoDetect: false,
      autoConfigUrl: 'http://pac.contoso.com/proxy.pac',
      proxyServer: 'http=proxy.contoso.com:8080;https=proxy.contoso.com:8443',
    });
    expect(hasProxySetting(wininetConfig('wininetUser', new Map(), blob(0x01)))).toBe(false);
  });

  it('WinHTTP: a proxy only when its flag says so', () => {
    expect(winhttpConfig(blob(0x03, 'winhttp.contoso.com:3128', '<local>'))).toMatchObject({
      proxyServer: 'winhttp.contoso.com:3128',
      bypassList: '<local>',
    });
    expect(winhttpConfig(blob(0x01))).toBeUndefined();
    expect(winhttpConfig(undefined)).toBeUndefined();
  });
});

describe('registryProxySettings', () => {
  function runner(keys: Record<string, string>): CommandRunner & { asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      async run(file, args) {
        expect(file).toBe('reg.exe');
        const key = args[1];
        asked.push(key);
        return key in keys ? { code: 0, stdout: keys[key], stderr: '' } : { code: 1, stdout: '', stderr: 'ERROR: not found' };
      },
    };
  }
  const IS = 'Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

  it('per user: HKCU Internet Settings, WinHTTP from HKLM, DNS domains for WPAD', async () => {
    const r = runner({
      [`HKCU\\${IS}`]: INTERNET_SETTINGS,
      [`HKCU\\${IS}\\Connections`]: `    DefaultConnectionSettings    REG_BINARY    ${blob(0x0b, 'p.contoso.com:8080', '<local>')}\n`,
      [`HKLM\\${IS}\\Connections`]: `    WinHttpSettings    REG_BINARY    ${blob(0x03, 'w:3128')}\n`,
      'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters':
        '    Domain    REG_SZ    corp.contoso.com\n    NV Domain    REG_SZ    corp.contoso.com\n    SearchList    REG_SZ    contoso.com,fabrikam\n',
    });
    const s = await registryProxySettings(r).read();
    expect(s.wininet).toMatchObject({
      origin: 'wininetUser',
      autoDetect: true,
      proxyServer: 'p.contoso.com:8080',
    });
    expect(s.winhttp?.proxyServer).toBe('w:3128');
    expect(s.dnsDomains).toEqual(['corp.contoso.com', 'contoso.com']);
  });

  it('ProxySettingsPerUser = 0 (policy): the machine-wide setting under HKLM', async () => {
    const r = runner({
      'HKLM\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings': '    ProxySettingsPerUser    REG_DWORD    0x0\n',
      [`HKLM\\${IS}`]: '    ProxyEnable    REG_DWORD    0x1\n    ProxyServer    REG_SZ    machine:8080\n',
    });
    const s = await registryProxySettings(r).read();
    expect(s.wininet).toMatchObject({ origin: 'wininetMachine', proxyServer: 'machine:8080' });
    expect(r.asked).not.toContain(`HKCU\\${IS}`);
    expect(s.winhttp).toBeUndefined();
    expect(s.dnsDomains).toEqual([]);
  });
});
