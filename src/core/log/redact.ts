// Redaction lives inside the logger (CONVENTIONS.md #11): every record passes through here before any sink sees
// it, so a caller that logs a header, a SOAP body or an error message cannot leak a credential by accident.
import { stripControl } from '../../shared/control-chars.js';

export const REDACTED = '[REDACTED]';

/** Field names whose values are always secret. */
export const SECRET_KEY_PATTERN =
  /password|passwd|secret|token|authorization|cookie|client_secret|assertion|refresh|access_token|api[-_]?key/i;

const KEY_WORDS = 'password|passwd|secret|token|authorization|cookie|assertion|refresh|api[-_]?key';

const STRING_RULES: Array<[RegExp, (substring: string, ...groups: string[]) => string]> = [
  // HTTP header lines or header-like pairs: "Authorization: Basic abc", "Proxy-Authorization=NTLM ...",
  // "\"authorization\": \"Bearer ...\"", "Cookie: a=b; c=d". The scheme stays visible, the credential goes.
  [
    /\b((?:proxy-)?authorization|(?:set-)?cookie)("?\s*[:=]\s*"?)(?:(basic|bearer|ntlm|negotiate|digest|kerberos)\s+)?([^\r\n"]+)/gi,
    (_m, name: string, sep: string, scheme?: string) => `${name}${sep}${scheme ? `${scheme} ` : ''}${REDACTED}`,
  ],
  // Bearer tokens and NTLM/Negotiate blobs wherever they appear (WWW-Authenticate, error text, traces).
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/g, () => `Bearer ${REDACTED}`],
  [/\b(NTLM|Negotiate)\s+[A-Za-z0-9+/]{12,}={0,2}/g, (_m, scheme: string) => `${scheme} ${REDACTED}`],
  // Basic credentials outside a header: only when the token really is base64("user:password").
  [/\bBasic\s+([A-Za-z0-9+/]{4,}={0,2})/g, (m, token: string) => (looksLikeBasicCredential(token) ? `Basic ${REDACTED}` : m)],
  // XML elements such as <t:Password>, <wsse:Password Type="...">, <wsse:BinarySecurityToken>.
  [
    new RegExp(`<((?:[\\w-]+:)?[\\w-]*(?:${KEY_WORDS})[\\w-]*)(\\s[^>]*)?>[\\s\\S]*?</\\1\\s*>`, 'gi'),
    (_m, tag: string, attrs = '') => `<${tag}${attrs}>${REDACTED}</${tag}>`,
  ],
  // JSON inside a string: "client_secret":"...", "refresh_token": "...".
  [new RegExp(`("[^"\\\\]*(?:${KEY_WORDS})[^"\\\\]*"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), (_m, head: string) => `${head}"${REDACTED}"`],
  // Query strings and form bodies: access_token=..., client_secret=..., password=...
  [
    /\b((?:access|refresh|id)_token|client_secret|client_assertion|assertion|code_verifier|password|passwd|token|secret)=([^&\s"'<>]+)/gi,
    (_m, name: string) => `${name}=${REDACTED}`,
  ],
  // URL user info: https://user:password@host/
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):[^\s@/]+@/gi, (_m, head: string) => `${head}:${REDACTED}@`],
];

function looksLikeBasicCredential(token: string): boolean {
  const text = Buffer.from(token, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(text) && text.includes(':');
}

export class Redactor {
  private readonly secrets = new Set<string>();
  private ordered: string[] = [];

  /** Scrubs this exact value (and its URL-, XML- and base64-encoded forms) from everything logged from now on. */
  register(value: string | undefined): void {
    if (!value || value.length < 3) return;
    const forms = [value, encodeURIComponent(value), escapeXml(value), Buffer.from(value, 'utf8').toString('base64')];
    for (const f of forms) this.secrets.add(f);
    // Longest first, so a value containing another registered value is replaced whole.
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
  }

  string(text: string): string {
    let out = text;
    for (const secret of this.ordered) out = out.split(secret).join(REDACTED);
    for (const [pattern, replace] of STRING_RULES) out = out.replace(pattern, replace);
    return out;
  }

  private clean(text: string): string {
    return stripControl(this.string(text));
  }

  /** A redacted, JSON-safe copy of any value (errors, buffers, cycles, deep objects handled). */
  value(input: unknown, opts: { stacks?: boolean } = {}): unknown {
    return this.walk(input, new WeakSet(), 0, opts.stacks ?? false);
  }

  private walk(v: unknown, seen: WeakSet<object>, depth: number, stacks: boolean): unknown {
    // Log lines never carry a server's escape codes (a folder name could otherwise rewrite the terminal).
    if (typeof v === 'string') return this.clean(v);
    if (v === null || typeof v === 'number' || typeof v === 'boolean' || v === undefined) return v;
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'function' || typeof v === 'symbol') return undefined;
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `[${v.byteLength} bytes]`;
    if (depth > 8) return '[…]';
    if (seen.has(v)) return '[Circular]';
    seen.add(v);
    if (v instanceof Error) return this.error(v, seen, depth, stacks);
    if (Array.isArray(v)) return v.map((x) => this.walk(x, seen, depth + 1, stacks));
    if (v instanceof Map) return this.walk(Object.fromEntries(v), seen, depth + 1, stacks);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      out[k] = SECRET_KEY_PATTERN.test(k) && x !== undefined && x !== null && x !== '' ? REDACTED : this.walk(x, seen, depth + 1, stacks);
    }
    return out;
  }

  private error(e: Error, seen: WeakSet<object>, depth: number, stacks: boolean): Record<string, unknown> {
    const extra = e as Error & { id?: unknown; code?: unknown; evidence?: unknown; params?: unknown; cause?: unknown };
    const out: Record<string, unknown> = { name: e.name, message: this.clean(e.message) };
    if (extra.id !== undefined) out.id = extra.id;
    if (extra.code !== undefined) out.code = extra.code;
    if (extra.evidence !== undefined) out.evidence = this.walk(extra.evidence, seen, depth + 1, stacks);
    if (extra.params !== undefined) out.params = this.walk(extra.params, seen, depth + 1, stacks);
    if (extra.cause !== undefined) out.cause = this.walk(extra.cause, seen, depth + 1, stacks);
    if (stacks && e.stack) out.stack = this.clean(e.stack);
    return out;
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
