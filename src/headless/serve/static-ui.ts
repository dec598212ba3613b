// Serves the built renderer (dist/renderer) with a strict CSP. Paths are confined to the UI folder; unknown
// paths without an extension get index.html (client-side routes).
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { STYLE_NONCE_META } from '../../shared/rpc/boot-data.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Scripts come only from the server itself, and nothing may frame the page or send forms elsewhere. Fluent UI
 * (Griffel) writes its atomic CSS into <style> elements at run time: only elements carrying this page's nonce may
 * (src/renderer/app/style-renderer.ts reads it from the page), never an inline style someone injected.
 */
export function contentSecurityPolicy(wsOrigin: string, styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${wsOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function securityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The first URL carries the token: never leak it to another site.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export async function hasUi(uiDir: string): Promise<boolean> {
  return stat(join(uiDir, 'index.html')).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Adds to the HTML page before it is sent (the first screen's data block, boot-data.ts). */
export type HtmlAddition = () => Promise<string>;

export async function serveUiFile(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  uiDir: string,
  /** The page's policy for a fresh style nonce. */
  csp: (styleNonce: string) => string,
  addToHead?: HtmlAddition,
): Promise<void> {
  const root = resolve(uiDir);
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return plain(res, 400, 'Bad path');
  }
  if (rel.includes('\0')) return plain(res, 400, 'Bad path');
  let file = normalize(join(root, rel));
  if (file !== root && !file.startsWith(root + sep)) return plain(res, 404, 'Not found');
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) {
    if (extname(rel)) return plain(res, 404, 'Not found');
    file = join(root, 'index.html');
    info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return plain(res, 404, 'Not found');
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', String(info.size));
  if (type.startsWith('text/html')) {
    // A nonce per page: a style element written into the page by anyone else has none.
    const nonce = randomBytes(18).toString('base64');
    res.setHeader('Content-Security-Policy', csp(nonce));
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'HEAD') {
      const html = await readFile(file, 'utf8');
      const at = html.indexOf('</head>');
      const head = `<meta name="${STYLE_NONCE_META}" content="${nonce}">${addToHead ? await addToHead() : ''}`;
      const body = Buffer.from(at < 0 ? html : html.slice(0, at) + head + html.slice(at), 'utf8');
      res.setHeader('Content-Length', String(body.length));
      return void res.end(body);
    }
  } else {
    res.setHeader('Cache-Control', 'no-cache');
  }
  if (req.method === 'HEAD') return void res.end();
  const bytes = await uiFileBytes(file, info);
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}

/** The UI's files, read once per version (size and modification time): the first paint asks for ten at once. */
const files = new Map<string, { version: string; bytes: Buffer }>();

/** A file of the UI, read once per version (size and modification time): the same Buffer until the file changes. */
export async function uiFileBytes(file: string, info: { size: number; mtimeMs: number }): Promise<Buffer> {
  const version = `${info.size}:${info.mtimeMs}`;
  const have = files.get(file);
  if (have?.version === version) return have.bytes;
  const bytes = await readFile(file);
  if (bytes.length <= MAX_CACHED) files.set(file, { version, bytes });
  return bytes;
}
const MAX_CACHED = 4 * 1024 * 1024;

export function plain(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(text.endsWith('\n') ? text : `${text}\n`);
}
