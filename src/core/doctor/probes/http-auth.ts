// Judging what an EWS endpoint says before and during authentication: whether the schemes it offers
// (parsed by the connector's parseAuthSchemes) cover the profile's method, and whether a web login page
// answers instead (forms-based authentication).
import type { IncomingHttpHeaders } from 'node:http';

/** Does the offered list cover the profile's method? NTLM is also reachable through Negotiate. */
export function schemeOffered(profileAuth: string, offered: string[]): boolean {
  const lower = offered.map((s) => s.toLowerCase());
  if (profileAuth === 'ntlm') return lower.includes('ntlm') || lower.includes('negotiate');
  if (profileAuth === 'kerberos') return lower.includes('negotiate');
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
