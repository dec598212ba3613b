// Which proxy (if any) a request to a given URL uses, and why — so the proxy in use is always visible
// (`profiles test`, describe(), logs). Proxy passwords come from the SecretStore, never from the profile.
import type { TextRef } from '../../shared/errors.js';
import type { ProxySetting } from '../../shared/profile.js';
import { secretKey } from '../../shared/profile.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { parsePacResult, sharedPacCache, type PacCache } from './proxy-pac.js';
import { hostSystemProxy, type SystemProxy } from './proxy-system.js';

/** Why a request goes the way it goes (the doctor names it). */
export type ProxyWhy = 'profile' | 'environment' | 'noProxy' | 'pac' | 'wpad' | 'windows' | 'system' | 'none';

export interface ProxyRoute {
  kind: 'direct' | 'proxy';
  /** Proxy URL without credentials. */
  proxyUrl?: URL;
  username?: string;
  password?: string;
  why: ProxyWhy;
  /** Where the decision came from (an engine text proxy.source.*): the profile, a variable, NO_PROXY, a PAC answer. */
  source: TextRef;
  /** System settings tried first that did not answer, as compact facts for the evidence. */
  tried?: string[];
}

/** NO_PROXY semantics as curl and most tools use them: `*`, exact host, domain suffix (.corp or corp), host:port. */
export function matchesNoProxy(noProxy: string | undefined, host: string, port: number): boolean {
  if (!noProxy) return false;
  const h = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: number | undefined;
    const portMatch = /^(.*?):(\d+)$/.exec(entry);
    if (portMatch && !entry.startsWith('[') && portMatch[1].indexOf(':') < 0) {
      entry = portMatch[1];
      entryPort = Number(portMatch[2]);
    } else if (/^\[.*\]:\d+$/.test(entry)) {
      const i = entry.lastIndexOf(':');
      entryPort = Number(entry.slice(i + 1));
      entry = entry.slice(0, i);
    }
    entry = entry.replace(/^\[|\]$/g, '').replace(/^\*\./, '.');
    if (entryPort !== undefined && entryPort !== port) continue;
    const bare = entry.startsWith('.') ? entry.slice(1) : entry;
    if (h === bare || h.endsWith('.' + bare)) return true;
  }
  return false;
}

function defaultPort(u: URL): number {
  return u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
}

function envValue(env: NodeJS.ProcessEnv, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value && value.trim()) return { name, value: value.trim() };
  }
  return undefined;
}

function splitCredentials(raw: string): { url: URL; username?: string; password?: string } {
  const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.username = '';
  url.password = '';
  return { url, username, password };
}

export interface ProxyContext {
  setting: ProxySetting | undefined;
  profileId: string;
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
  /** The operating system's proxy setting (default: this host's, see proxy-system.ts; null: none). */
  system?: SystemProxy | null;
  /** Fetched PAC files (default: the process-wide cache). */
  pac?: PacCache;
}

/** The profile's own proxy account (system and PAC proxies too): user name, password from the SecretStore. */
async function profileAccount(setting: ProxySetting, ctx: ProxyContext): Promise<{ username?: string; password?: string }> {
  const username = setting.mode === 'none' ? undefined : setting.username;
  if (!username) return {};
  return { username, password: await ctx.secrets.get(secretKey(ctx.profileId, 'proxyPassword')) };
}

/** The first entry of a PAC answer Calpump can use (PROXY/HTTPS/DIRECT; SOCKS is skipped). */
function fromPac(answer: string, why: ProxyWhy, source: TextRef, location: string | TextRef, tried?: string[]): ProxyRoute {
  const entry = parsePacResult(answer).find((e) => e.kind !== 'unsupported');
  if (!entry) {
    throw new CalpumpError('net.proxy.pac', {
      params: { pac: location, reason: text('problem.pac.noUsableEntry', { answer: answer.trim() }) },
      evidence: answer.trim(),
    });
  }
  const said = { why, source: text('proxy.source.answered', { source, answer: answer.trim() }), ...(tried?.length ? { tried } : {}) };
  return entry.kind === 'direct' ? { kind: 'direct', ...said } : { kind: 'proxy', proxyUrl: entry.url, ...said };
}

export async function resolveProxy(target: URL, ctx: ProxyContext): Promise<ProxyRoute> {
  const setting = ctx.setting ?? { mode: 'system' as const };
  if (setting.mode === 'none') return { kind: 'direct', why: 'none', source: text('proxy.source.profileNone') };
  if (setting.mode === 'url') {
    const { url } = splitCredentials(setting.url);
    return { kind: 'proxy', proxyUrl: url, ...(await profileAccount(setting, ctx)), why: 'profile', source: text('proxy.source.profile') };
  }
  if (setting.mode === 'pac') {
    const script = await (ctx.pac ?? sharedPacCache).get(setting.pacUrl);
    const route = fromPac(
      await script.findProxy(target),
      'pac',
      text('proxy.source.profilePac', { location: setting.pacUrl }),
      setting.pacUrl,
    );
    return route.kind === 'proxy' ? { ...route, ...(await profileAccount(setting, ctx)) } : route;
  }
  const env = ctx.env;
  const noProxy = envValue(env, ['NO_PROXY', 'no_proxy']);
  if (noProxy && matchesNoProxy(noProxy.value, target.hostname, defaultPort(target))) {
    return { kind: 'direct', why: 'noProxy', source: text('proxy.source.noProxy', { variable: noProxy.name }) };
  }
  const names = target.protocol === 'https:' ? ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] : ['HTTP_PROXY', 'http_proxy'];
  const found = envValue(env, names);
  if (found) {
    const { url, username, password } = splitCredentials(found.value);
    const account = username ? { username, password } : await profileAccount(setting, ctx);
    return {
      kind: 'proxy',
      proxyUrl: url,
      ...account,
      why: 'environment',
      source: text('proxy.source.variable', { variable: found.name }),
    };
  }
  const system = ctx.system === undefined ? hostSystemProxy() : (ctx.system ?? undefined);
  const answer = await system?.resolve(target);
  if (!answer) return { kind: 'direct', why: 'none', source: text(system ? 'proxy.source.noSystemSetting' : 'proxy.source.noVariable') };
  const route = fromPac(answer.pac, answer.why, answer.source, answer.source, answer.tried);
  return route.kind === 'proxy' ? { ...route, ...(await profileAccount(setting, ctx)) } : route;
}

/** "proxy http://proxy.corp:3128 (from HTTPS_PROXY)" or "direct (host in NO_PROXY)", as an engine text. No password. */
export function describeProxy(route: ProxyRoute): TextRef {
  if (route.kind === 'direct') return text('proxy.route.direct', { source: route.source });
  const u = route.proxyUrl!;
  const proxy = `${u.protocol}//${u.host}`;
  return route.username
    ? text('proxy.route.proxyAs', { proxy, user: route.username, source: route.source })
    : text('proxy.route.proxy', { proxy, source: route.source });
}

/** The route as compact facts for evidence and logs: "http://proxy.corp:3128 user=u why=environment", "DIRECT why=noProxy". */
export function routeFacts(route: ProxyRoute): string {
  const u = route.proxyUrl;
  const hop = route.kind === 'proxy' && u ? `${u.protocol}//${u.host}${route.username ? ` user=${route.username}` : ''}` : 'DIRECT';
  return [`${hop} why=${route.why}`, ...(route.tried ?? [])].join('; ');
}
