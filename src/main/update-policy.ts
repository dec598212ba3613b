// Where the desktop app looks for updates: only where an administrator said, in the machine policy key
// HKLM\SOFTWARE\Policies\Calpump (which only administrators can write; GPO, Intune or a deployment script set it).
// No key, no value: no updates and no network call at all. The feed is an https web server or a folder (a UNC
// share or a local path); plain http is refused. `UpdateAllowDowngrade` = 1 lets a feed roll clients back to
// the older version it now names.
import type { CommandRunner } from '../core/platform/service-manager.js';

export const POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Calpump';

export type UpdateFeed = { kind: 'web'; url: string } | { kind: 'folder'; path: string };
export type FeedRefusal = 'insecure' | 'unsupported';

export type UpdatePolicy =
  | { enabled: false }
  | { enabled: true; feed: UpdateFeed; allowDowngrade: boolean }
  | { enabled: false; refused: FeedRefusal; value: string };

export interface RegistryValue {
  type: string;
  data: string;
}

/** The values of one key in `reg.exe query` output (names as written, types like REG_SZ and REG_DWORD). */
export function parseRegQuery(stdout: string): Map<string, RegistryValue> {
  const values = new Map<string, RegistryValue>();
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (m) values.set(m[1], { type: m[2], data: m[3] ?? '' });
  }
  return values;
}

/** What an administrator typed as the feed, understood or refused. */
export function feedFromValue(value: string): UpdateFeed | FeedRefusal {
  const v = value.trim();
  if (/^\\\\[^\\/]+\\[^\\/]+/.test(v) || /^[A-Za-z]:\\/.test(v)) return { kind: 'folder', path: v.replace(/\\+$/, '') };
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return 'unsupported';
  }
  if (u.protocol === 'http:') return 'insecure';
  if (u.protocol === 'https:' && u.username === '' && u.password === '') {
    return { kind: 'web', url: u.href.endsWith('/') ? u.href : `${u.href}/` };
  }
  if (u.protocol === 'file:' && u.host !== '') {
    // file://fileserver/share/calpump → \\fileserver\share\calpump
    const path = decodeURIComponent(u.pathname).split('/').filter(Boolean).join('\\');
    if (path) return { kind: 'folder', path: `\\\\${u.host}\\${path}` };
  }
  return 'unsupported';
}

export function policyFromValues(values: Map<string, RegistryValue>): UpdatePolicy {
  const feed = values.get('UpdateFeed');
  if (!feed || feed.type !== 'REG_SZ' || feed.data.trim() === '') return { enabled: false };
  const parsed = feedFromValue(feed.data);
  // The value is logged: never with a password someone put into the URL.
  if (typeof parsed === 'string') return { enabled: false, refused: parsed, value: feed.data.replace(/\/\/[^/@]*@/, '//***@') };
  const downgrade = values.get('UpdateAllowDowngrade');
  const allowDowngrade = downgrade?.type === 'REG_DWORD' && Number(downgrade.data) === 1;
  return { enabled: true, feed: parsed, allowDowngrade };
}

/** The machine's update policy; off on any other platform, when the key is missing, or when reg.exe fails. */
export async function readUpdatePolicy(runner: CommandRunner, platform: NodeJS.Platform): Promise<UpdatePolicy> {
  if (platform !== 'win32') return { enabled: false };
  // /reg:64: the 64-bit view, whichever view this process would get by default.
  const r = await runner.run('reg.exe', ['query', POLICY_KEY, '/reg:64']);
  if (r.code !== 0) return { enabled: false };
  return policyFromValues(parseRegQuery(r.stdout));
}
