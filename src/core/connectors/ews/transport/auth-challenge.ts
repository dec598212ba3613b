// The authentication schemes a server offers in WWW-Authenticate, read once for the EWS transport (which
// refuses early when the profile's scheme is not among them) and the doctor's auth.schemes step.

/** Scheme names from a WWW-Authenticate value; Node joins repeated headers with ", ". */
export function parseAuthSchemes(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(', ') : (header ?? '');
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
