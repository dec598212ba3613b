// Plays the system browser in sign-in tests: follows redirects with a cookie jar, submits the first form of
// each HTML page (filling fields it is given), and stops once it has loaded the loopback redirect URI.
import * as http from 'node:http';
import * as https from 'node:https';

export interface BrowserResult {
  status: number;
  body: string;
  /** Every URL visited, in order. */
  visited: string[];
}

export interface BrowserOptions {
  ca?: string;
  /** Origin of the loopback listener: the walk ends after loading a URL there. */
  stopAtOrigin: string;
  /** Form fields to fill, by input name (login, password, username…). */
  fill?: Record<string, string>;
  /** Rewrites a URL before it is requested (e.g. to tamper with the state on the way back). */
  rewrite?: (url: URL) => URL;
  maxSteps?: number;
}

function request(url: URL, method: string, headers: Record<string, string>, body: string | undefined, ca?: string) {
  const fn = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const r = fn(url, { method, headers, ca }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]*)"`, 'i'))?.[1];
const unescapeHtml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x2F;/gi, '/')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

export function firstForm(html: string): { action?: string; method: string; fields: Record<string, string> } | undefined {
  const form = html.match(/<form\b[^>]*>[\s\S]*?<\/form>/i)?.[0];
  if (!form) return undefined;
  const open = form.match(/<form\b[^>]*>/i)![0];
  const fields: Record<string, string> = {};
  for (const input of form.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attr(input, 'name');
    if (name) fields[name] = unescapeHtml(attr(input, 'value') ?? '');
  }
  const action = attr(open, 'action');
  return { action: action === undefined ? undefined : unescapeHtml(action), method: (attr(open, 'method') ?? 'get').toUpperCase(), fields };
}

export async function browse(start: string, opts: BrowserOptions): Promise<BrowserResult> {
  const jar = new Map<string, string>();
  const visited: string[] = [];
  let url = new URL(start);
  let method = 'GET';
  let body: string | undefined;
  for (let step = 0; step < (opts.maxSteps ?? 25); step++) {
    if (opts.rewrite) url = opts.rewrite(url);
    visited.push(url.href);
    const headers: Record<string, string> = {};
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await request(url, method, headers, body, opts.ca);
    for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    if (url.origin === opts.stopAtOrigin) return { status: res.status, body: res.body, visited };
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      url = new URL(res.headers.location, url);
      method = 'GET';
      body = undefined;
      continue;
    }
    const form = res.status === 200 ? firstForm(res.body) : undefined;
    if (!form) throw new Error(`test browser: stuck at ${url.href} (HTTP ${res.status}): ${res.body.slice(0, 300)}`);
    const fields = { ...form.fields };
    for (const [k, v] of Object.entries(opts.fill ?? {})) if (k in fields) fields[k] = v;
    const target = new URL(form.action ?? url.href, url);
    const encoded = new URLSearchParams(fields).toString();
    if (form.method === 'POST') {
      url = target;
      method = 'POST';
      body = encoded;
    } else {
      target.search = encoded;
      url = target;
      method = 'GET';
      body = undefined;
    }
  }
  throw new Error('test browser: too many steps');
}

export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
