// Which URLs the desktop app lets through, as pure functions (no Electron): what the window may load (its own
// renderer folder, or the dev server), where it may navigate (its own page), and which links may leave for the
// system browser (an allow-list). Every check parses with the WHATWG URL parser (which lower-cases hosts, turns
// IDN look-alikes into punycode and resolves dot segments) and then compares exactly: no suffix or substring
// matching anywhere, so `login.microsoftonline.com.evil.example` and `https://login.microsoftonline.com@evil.example`
// are different hosts, as they are for the browser.

/** Microsoft sign-in pages (every national cloud) and the device-code page MSAL names. */
export const SIGN_IN_HOSTS: readonly string[] = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.live.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
  'microsoft.com',
  'www.microsoft.com',
];

/** Microsoft documentation, which fix texts and help links point to. */
export const DOCUMENTATION_HOSTS: readonly string[] = ['learn.microsoft.com', 'docs.microsoft.com', 'support.microsoft.com', 'aka.ms'];

export type LinkRefusal = 'unparseable' | 'scheme' | 'credentials' | 'host' | 'port';
export type LinkVerdict = { ok: true; href: string } | { ok: false; reason: LinkRefusal };

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * May this link open in the system browser? Only https, no user name or password in it, and either a fixed
 * Microsoft host on the default port or exactly one of `origins` (https origins the user typed into a sign-in
 * authority field). The verdict carries the parsed URL to open, never the raw string.
 */
export function checkExternalLink(url: string, origins: readonly string[] = []): LinkVerdict {
  const u = parse(url);
  if (!u) return { ok: false, reason: 'unparseable' };
  if (u.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (u.username !== '' || u.password !== '') return { ok: false, reason: 'credentials' };
  if (origins.includes(u.origin)) return { ok: true, href: u.href };
  if (!SIGN_IN_HOSTS.includes(u.hostname) && !DOCUMENTATION_HOSTS.includes(u.hostname)) return { ok: false, reason: 'host' };
  if (u.port !== '') return { ok: false, reason: 'port' };
  return { ok: true, href: u.href };
}

/**
 * The https origin of a URL the user typed into a field meant for opening (a sign-in authority), or undefined when
 * it is not one: other schemes, user info and hosts ending in a dot are never added to the allow-list.
 */
export function typedOrigin(url: string | undefined): string | undefined {
  const u = url ? parse(url) : undefined;
  if (!u || u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.hostname.endsWith('.')) return undefined;
  return u.origin;
}

/** The decoded path, or undefined when decoding would smuggle a separator, a NUL or a `..` segment past the parser. */
function decodedPath(u: URL): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  if (/[\\\0]/.test(path) || path.split('/').some((s) => s === '..' || s === '.')) return undefined;
  return path;
}

/**
 * May the window load this URL? In a packaged app (a file: start page) only files under the folder of the start
 * page — never another folder, drive, `file://host/share` or an encoded escape; in development the dev server's
 * own origin (and its HMR WebSocket). Inline data and blobs are always fine (the CSP governs them).
 */
export function isRendererResource(url: string, startUrl: string): boolean {
  const u = parse(url);
  const start = parse(startUrl);
  if (!u || !start) return false;
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true;
  if (start.protocol === 'file:') {
    if (u.protocol !== 'file:' || u.host !== '' || start.host !== '') return false;
    const root = decodedPath(new URL('.', start));
    const path = decodedPath(u);
    return !!root && !!path && path.startsWith(root);
  }
  const devOrigin = start.protocol === 'http:' || start.protocol === 'https:';
  const sameServer = u.host === start.host && u.hostname === start.hostname;
  return devOrigin && sameServer && ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol);
}

/** Same document (hash routes) as the start page: everything else is navigation away. */
export function isSamePage(url: string, startUrl: string): boolean {
  const a = parse(url);
  const b = parse(startUrl);
  return !!a && !!b && a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
}

/** A URL as it may appear in the log: scheme, host and path, no query or fragment (they can carry codes). */
export function loggableUrl(url: string): string {
  const u = parse(url);
  if (!u) return url.slice(0, 80);
  const hierarchical = u.host !== '' || u.protocol === 'file:';
  const text =
    u.protocol === 'javascript:' || u.protocol === 'data:'
      ? u.protocol
      : hierarchical
        ? `${u.protocol}//${u.host}${u.pathname}`
        : `${u.protocol}${u.pathname}`;
  return text.slice(0, 200);
}
