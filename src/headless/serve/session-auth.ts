// Who may talk to `calpump serve`: a browser that opened the printed URL (token → HttpOnly SameSite=Strict
// cookie), from the served origin, addressing the server by a name it answers to (no DNS rebinding).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from './host-policy.js';

export const SESSION_COOKIE = 'calpump_session';

export function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  // Hash first so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * Host header values and origins the server answers to, for the address it listens on. Undefined for a
 * wildcard address (0.0.0.0, ::): any name reaches it, and the Origin must then match the Host it used.
 */
export function allowedAuthorities(host: string, port: number): Set<string> | undefined {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return undefined;
  const names = new Set<string>();
  const bare = host.replace(/^\[|\]$/g, '');
  names.add(bare.includes(':') ? `[${bare}]:${port}` : `${bare}:${port}`);
  if (isLoopbackHost(host)) {
    names.add(`127.0.0.1:${port}`);
    names.add(`localhost:${port}`);
    names.add(`[::1]:${port}`);
  }
  return names;
}

export function hostAllowed(req: IncomingMessage, authorities: Set<string> | undefined): boolean {
  const h = req.headers.host?.toLowerCase();
  return !!h && (!authorities || authorities.has(h));
}

/** A browser always sends Origin on WebSocket upgrades and on cross-origin requests; it must be ours. */
export function originAllowed(req: IncomingMessage, authorities: Set<string> | undefined, required: boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return !required;
  try {
    const u = new URL(origin);
    const host = u.host.toLowerCase();
    const ours = authorities ? authorities.has(host) : host === req.headers.host?.toLowerCase();
    return (u.protocol === 'http:' || u.protocol === 'https:') && ours;
  } catch {
    return false;
  }
}

export function requestToken(req: IncomingMessage, url: URL): string | undefined {
  return cookieValue(req, SESSION_COOKIE) ?? url.searchParams.get('token') ?? bearer(req);
}

function bearer(req: IncomingMessage): string | undefined {
  const a = req.headers.authorization;
  return a?.startsWith('Bearer ') ? a.slice(7) : undefined;
}
