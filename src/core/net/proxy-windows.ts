// The Windows proxy setting applied to one URL, in the order WinINET applies it: "Automatically detect
// settings" (WPAD), then "Use setup script" (a PAC file), then "Use a proxy server" with its bypass list; a
// step that fails falls through to the next, as on Windows, and the doctor is told why. The Internet Options
// setting is used when it says anything, else WinHTTP's (what a service without a user profile gets).
// WPAD here is the DNS half (http://wpad.<domain>/wpad.dat for the machine's domain and its parents); the
// DHCP half (option 252) needs Windows' own DHCP client API and is left to the desktop app, whose Chromium
// does both (see docs/proxy-and-trust.md).
import { lookup as dnsLookup } from 'node:dns/promises';
import { hasProxySetting, type WindowsProxyConfig, type WindowsProxySettings, type WindowsProxyState } from '../platform/windows-proxy.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { sharedPacCache, type PacCache } from './proxy-pac.js';
import type { SystemProxy, SystemProxyAnswer } from './proxy-system-types.js';

const SETTINGS_TTL_MS = 60_000;
const WPAD_TTL_MS = 5 * 60_000;
const WPAD_LOOKUP_MS = 3_000;

export interface WindowsProxyOptions {
  pac?: PacCache;
  /** Resolves a host name (rejects when it does not exist); default: the system resolver. */
  lookup?: (host: string) => Promise<unknown>;
  now?: () => number;
}

/** `*.contoso.com;10.*;<local>` against a host (and port): WinINET's bypass list rules. */
export function onBypassList(list: string | undefined, host: string, port: number): boolean {
  if (!list) return false;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of list.split(/[;\s]+/)) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '');
    if (!entry) continue;
    if (entry === '<local>') {
      if (!h.includes('.') && !h.includes(':')) return true;
      continue;
    }
    const m = /^(.*?)(?::(\d+))?$/.exec(entry)!;
    if (m[2] && Number(m[2]) !== port) continue;
    const pattern = new RegExp(`^${m[1].replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    if (pattern.test(h)) return true;
  }
  return false;
}

/** "proxy:8080" or "http=a:80;https=b:443": the proxy for this scheme, as host:port (undefined: none for it). */
export function proxyForScheme(proxyServer: string, scheme: 'http' | 'https'): string | undefined {
  const parts = proxyServer.split(/[;\s]+/).filter(Boolean);
  const perScheme = parts.filter((p) => p.includes('='));
  let value: string | undefined;
  if (perScheme.length === 0) value = parts[0];
  else value = perScheme.find((p) => p.toLowerCase().startsWith(`${scheme}=`))?.slice(scheme.length + 1);
  if (!value) return undefined;
  const bare = value.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  return /:\d+$/.test(bare) ? bare : `${bare}:80`;
}

/** wpad.<domain> for the machine's domain and each parent with at least two labels, nearest first. */
export function wpadCandidates(domains: string[]): string[] {
  const out: string[] = [];
  for (const d of domains) {
    const labels = d.replace(/\.$/, '').split('.').filter(Boolean);
    for (let i = 0; labels.length - i >= 2; i++) out.push(`wpad.${labels.slice(i).join('.')}`);
  }
  return [...new Set(out)];
}

export function windowsSystemProxy(settings: WindowsProxySettings, opts: WindowsProxyOptions = {}): SystemProxy {
  const pac = opts.pac ?? sharedPacCache;
  const now = opts.now ?? Date.now;
  const lookup = opts.lookup ?? ((host: string) => dnsLookup(host));
  let state: { at: number; value: Promise<WindowsProxyState> } | undefined;
  let wpad: { at: number; value: Promise<string | undefined> } | undefined;

  const read = () => {
    if (!state || now() - state.at > SETTINGS_TTL_MS) state = { at: now(), value: settings.read() };
    return state.value;
  };

  const discover = (domains: string[]) => {
    if (!wpad || now() - wpad.at > WPAD_TTL_MS) wpad = { at: now(), value: findWpad(domains) };
    return wpad.value;
  };

  async function findWpad(domains: string[]): Promise<string | undefined> {
    for (const host of wpadCandidates(domains)) {
      const found = await withTimeout(lookup(host), WPAD_LOOKUP_MS).then(
        () => true,
        () => false,
      );
      if (!found) continue;
      const location = `http://${host}/wpad.dat`;
      if (
        await pac.get(location).then(
          () => true,
          () => false,
        )
      )
        return location;
    }
    return undefined;
  }

  async function viaPac(location: string, url: URL): Promise<string> {
    return (await pac.get(location)).findProxy(url);
  }

  return {
    async resolve(url) {
      const s = await read();
      const config: WindowsProxyConfig | undefined = hasProxySetting(s.wininet)
        ? s.wininet
        : hasProxySetting(s.winhttp)
          ? s.winhttp
          : undefined;
      if (!config) return undefined;
      const tried: string[] = [];
      const origin = text(`proxy.origin.${config.origin}`);
      if (config.autoDetect) {
        const location = await discover(s.dnsDomains);
        if (location) {
          try {
            return { pac: await viaPac(location, url), why: 'wpad', source: text('proxy.source.wpad', { location }) };
          } catch (e) {
            tried.push(`WPAD ${location}: ${reasonOf(e)}`);
          }
        } else tried.push(`WPAD wpad.dat: none (${wpadCandidates(s.dnsDomains).join(', ') || 'dnsDomains=0'})`);
      }
      if (config.autoConfigUrl) {
        try {
          return {
            pac: await viaPac(config.autoConfigUrl, url),
            why: 'pac',
            source: text('proxy.source.windowsPac', { location: config.autoConfigUrl, origin }),
          };
        } catch (e) {
          tried.push(`PAC ${config.autoConfigUrl}: ${reasonOf(e)}`);
        }
      }
      const after = tried.length ? { tried } : {};
      if (config.proxyServer) {
        const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
        if (onBypassList(config.bypassList, url.hostname, port)) {
          return { pac: 'DIRECT', why: 'windows', source: text('proxy.source.windowsBypass', { origin, host: url.hostname }), ...after };
        }
        const proxy = proxyForScheme(config.proxyServer, url.protocol === 'https:' ? 'https' : 'http');
        if (proxy) return { pac: `PROXY ${proxy}`, why: 'windows', source: origin, ...after };
        const scheme = url.protocol.slice(0, -1);
        return { pac: 'DIRECT', why: 'windows', source: text('proxy.source.windowsNoScheme', { origin, scheme }), ...after };
      }
      return { pac: 'DIRECT', why: 'windows', source: origin, ...after } satisfies SystemProxyAnswer;
    },
  };
}

/** A PAC failure as a compact fact: its raw reason (an errno code), its evidence, or its engine text's key. */
function reasonOf(e: unknown): string {
  const failure = e as { params?: Record<string, unknown>; evidence?: string };
  const reason = failure.params?.reason;
  if (typeof reason === 'string') return reason;
  return failure.evidence ?? (reason as { key?: string } | undefined)?.key ?? (e as Error).message ?? String(e);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
