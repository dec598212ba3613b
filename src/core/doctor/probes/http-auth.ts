// Reading what an EWS endpoint says before and during authentication: the schemes it offers
// (WWW-Authenticate) and whether a web login page answers instead (forms-based authentication).
import type { IncomingHttpHeaders } from 'node:http';

/** Scheme names from a WWW-Authenticate value; Node joins repeated headers with ", ". */
export function parseAuthSchemes(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(', ') : header ?? '';
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const schemes: string[] = [];
  for (const raw of parts) {
    const p = raw.trim();
    // "realm=..." continues the previous challenge; "NTLM", "Basic realm=..." or "Negotiate abc==" start one.
    if (!p || /^[\w!#$%&'*+.^`|~-]+\s*=/.test(p)) continue;
    const m = /^([\w!#$%&'*+.^`|~-]+)(?:\s|$)/.exec(p);
    if (m && !schemes.some((s) => s.toLowerCase() === m[1].toLowerCase())) schemes.push(m[1]);
  }
  return schemes;
}

/** Does the offered list cover the profile's method? NTLM is also reachable through Negotiate. */
export function schemeOffered(profileAuth: 'basic' | 'ntlm' | 'bearer', offered: string[]): boolean {
  const lower = offered.map((s) => s.toLowerCase());
  if (profileAuth === 'ntlm') return lower.includes('ntlm') || lower.includes('negotiate');
  return lower.includes(profileAuth);
}

const LOGIN_PATH = /\/owa\/auth|logon\.aspx|\/adfs\/|\/login|signin|\/my\.policy|\/vpn\/index|\/auth\/|cdc\.aspx/i;

/** A reverse proxy or OWA's forms auth answers with (or redirects to) an HTML login page, never a 401. */
export function looksLikeLoginPage(status: number, headers: IncomingHttpHeaders, body: string): boolean {
  if (status >= 300 && status < 400) return LOGIN_PATH.test(String(headers.location ?? ''));
  const type = String(headers['content-type'] ?? '').toLowerCase();
  if (!type.includes('html') && !/^\s*<(!doctype html|html)/i.test(body)) return false;
  return /<form\b/i.test(body) && (/type\s*=\s*["']?password/i.test(body) || /logon|login|sign in|anmelden|aanmelden/i.test(body));
}
