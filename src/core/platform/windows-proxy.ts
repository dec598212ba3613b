// The Windows proxy setting behind one small interface: what "Internet Options" (WinINET, per user or per
// machine by policy) and WinHTTP (`netsh winhttp set proxy`, what services use) say, and the machine's DNS
// domain for WPAD. Read with reg.exe (every Windows has it; its output does not change with the display
// language, unlike netsh's). Only `registryProxySettings` touches Windows; the parsers are plain functions and
// everything around them is tested with a typed fake (test/support/fake-windows-proxy.ts).
import type { CommandRunner } from './service-manager.js';

/** Where a setting was read: Internet Options for this user or per machine by policy, or WinHTTP (netsh). */
export type WindowsProxyOrigin = 'wininetUser' | 'wininetMachine' | 'winhttp';

export interface WindowsProxyConfig {
  /** Where the setting was read, for the doctor (engine text proxy.origin.<origin>). */
  origin: WindowsProxyOrigin;
  /** "Automatically detect settings" (WPAD). */
  autoDetect: boolean;
  /** "Use setup script": the PAC file's address. */
  autoConfigUrl?: string;
  /** "Use a proxy server": `host:port`, or per scheme `http=h:80;https=h:443`. */
  proxyServer?: string;
  /** Bypass list: `*.contoso.com;10.*;<local>`. */
  bypassList?: string;
}

export interface WindowsProxyState {
  /** The Internet Options setting in effect for this account (or the machine's, when a policy says so). */
  wininet?: WindowsProxyConfig;
  /** WinHTTP's own setting (`netsh winhttp show proxy`). */
  winhttp?: WindowsProxyConfig;
  /** The machine's DNS domain (primary suffix first), for WPAD's `wpad.<domain>` lookups. */
  dnsDomains: string[];
}

export interface WindowsProxySettings {
  read(): Promise<WindowsProxyState>;
}

const INTERNET_SETTINGS = 'Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
const POLICY = 'HKLM\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
const TCPIP = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';

/** Values of one key from `reg query <key>`: name → data (REG_BINARY as hex, REG_DWORD as 0x…). */
export function parseRegQuery(stdout: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^\s{2,}(.+?)\s{2,}(REG_[A-Z_]+)(?:\s{2,}(.*))?$/.exec(line);
    if (m) values.set(m[1].toLowerCase(), (m[3] ?? '').trim());
  }
  return values;
}

const dword = (v: string | undefined): number | undefined =>
  v === undefined ? undefined : Number.parseInt(v, v.startsWith('0x') ? 16 : 10);

/**
 * DefaultConnectionSettings (WinINET) and WinHttpSettings (WinHTTP) share one layout: version, counter, flags
 * (1 direct, 2 proxy, 4 setup script, 8 detect), then length-prefixed proxy, bypass and (WinINET only) script.
 */
export function parseConnectionBlob(hex: string): { flags: number; proxy?: string; bypass?: string; script?: string } | undefined {
  const b = Buffer.from(hex.replace(/[^0-9a-f]/gi, ''), 'hex');
  if (b.length < 12) return undefined;
  const flags = b.readUInt32LE(8);
  const strings: string[] = [];
  let at = 12;
  while (strings.length < 3 && at + 4 <= b.length) {
    const len = b.readUInt32LE(at);
    at += 4;
    if (len > b.length - at) break;
    strings.push(b.subarray(at, at + len).toString('latin1'));
    at += len;
  }
  const text = (s: string | undefined) => (s ? s : undefined);
  return { flags, proxy: text(strings[0]), bypass: text(strings[1]), script: text(strings[2]) };
}

const FLAG = { proxy: 2, script: 4, detect: 8 } as const;

/** WinINET's setting from its key's values and, when present, the Connections blob (which Windows keeps current). */
export function wininetConfig(origin: WindowsProxyOrigin, values: Map<string, string>, blobHex: string | undefined): WindowsProxyConfig {
  const blob = blobHex ? parseConnectionBlob(blobHex) : undefined;
  if (blob) {
    return {
      origin,
      autoDetect: (blob.flags & FLAG.detect) !== 0,
      autoConfigUrl: blob.flags & FLAG.script ? (blob.script ?? values.get('autoconfigurl')) : undefined,
      proxyServer: blob.flags & FLAG.proxy ? (blob.proxy ?? values.get('proxyserver')) : undefined,
      bypassList: blob.bypass ?? values.get('proxyoverride'),
    };
  }
  return {
    origin,
    autoDetect: false,
    autoConfigUrl: values.get('autoconfigurl') || undefined,
    proxyServer: dword(values.get('proxyenable')) ? values.get('proxyserver') || undefined : undefined,
    bypassList: values.get('proxyoverride') || undefined,
  };
}

export function winhttpConfig(blobHex: string | undefined): WindowsProxyConfig | undefined {
  const blob = blobHex ? parseConnectionBlob(blobHex) : undefined;
  if (!blob || !(blob.flags & FLAG.proxy) || !blob.proxy) return undefined;
  return { origin: 'winhttp', autoDetect: false, proxyServer: blob.proxy, bypassList: blob.bypass };
}

/** True when the setting sends anything anywhere but direct. */
export function hasProxySetting(c: WindowsProxyConfig | undefined): c is WindowsProxyConfig {
  return !!c && (c.autoDetect || !!c.autoConfigUrl || !!c.proxyServer);
}

/** The real reader: reg.exe through the one command runner (src/core/platform/command-runner.ts). */
export function registryProxySettings(runner: CommandRunner): WindowsProxySettings {
  const query = async (key: string) => {
    const r = await runner.run('reg.exe', ['query', key]);
    return r.code === 0 ? parseRegQuery(r.stdout) : new Map<string, string>();
  };
  return {
    async read() {
      const policy = await query(POLICY);
      // ProxySettingsPerUser = 0 (policy): one setting for the whole machine, kept under HKLM.
      const perMachine = dword(policy.get('proxysettingsperuser')) === 0;
      const hive = perMachine ? 'HKLM' : 'HKCU';
      const [values, connections, machineConnections, tcpip] = await Promise.all([
        query(`${hive}\\${INTERNET_SETTINGS}`),
        query(`${hive}\\${INTERNET_SETTINGS}\\Connections`),
        query(`HKLM\\${INTERNET_SETTINGS}\\Connections`),
        query(TCPIP),
      ]);
      const origin = perMachine ? 'wininetMachine' : 'wininetUser';
      const domains = [tcpip.get('domain'), tcpip.get('nv domain'), ...(tcpip.get('searchlist') ?? '').split(/[,\s]+/)]
        .map((d) => (d ?? '').trim().toLowerCase())
        .filter((d) => d.includes('.'));
      return {
        wininet: wininetConfig(origin, values, connections.get('defaultconnectionsettings')),
        winhttp: winhttpConfig(machineConnections.get('winhttpsettings')),
        dnsDomains: [...new Set(domains)],
      };
    },
  };
}
