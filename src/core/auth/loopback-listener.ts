// The browser's way back to Calpump after sign-in (RFC 8252 loopback redirect). Listens on 127.0.0.1 only, at
// the port of the profile's registered redirect URI; accepts exactly one answer whose `state` matches, shows a
// page for success or failure, and gives up after a timeout. Both query (GET) and form_post answers work.
import { createServer, type ServerResponse } from 'node:http';
import { CalpumpError } from '../errors/calpump-error.js';
import type { Lang } from '../doctor/catalogue.js';
import { authErrorFromServer, type AuthErrorContext } from './auth-errors.js';
import { errorPage, loopbackText, successPage } from './loopback-pages.js';

export interface LoopbackOptions {
  redirectUri: string;
  expectedState: string;
  timeoutMs: number;
  errorContext: AuthErrorContext;
  lang?: Lang;
}

export interface LoopbackListener {
  port: number;
  /** Resolves with the authorization code; rejects with a CalpumpError (state, error, missing code, timeout). */
  code: Promise<string>;
  close(): Promise<void>;
}

export async function listenForAuthCode(opts: LoopbackOptions): Promise<LoopbackListener> {
  const target = new URL(opts.redirectUri);
  const port = Number(target.port || 80);
  const lang = opts.lang ?? 'en';
  const redirectUri = opts.redirectUri;
  const profile = opts.errorContext.profile;
  let settle!: { resolve: (code: string) => void; reject: (e: CalpumpError) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined); // observed by the caller; avoid an unhandled rejection while it is not yet awaited
  let done = false;

  const finish = (res: ServerResponse, outcome: { code: string } | { error: CalpumpError }) => {
    const ok = 'code' in outcome;
    res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
    res.end(ok ? successPage(lang) : errorPage(lang, outcome.error.info()));
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (ok) settle.resolve(outcome.code);
    else settle.reject(outcome.error);
  };

  const handle = (res: ServerResponse, params: URLSearchParams) => {
    if (!params.has('state') && !params.has('code') && !params.has('error')) {
      // A stray visit (a reload, someone opening the address by hand) is no sign-in answer: keep waiting.
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(loopbackText('loopback.waiting', lang));
      return;
    }
    if (params.get('state') !== opts.expectedState) {
      return finish(res, {
        // The evidence says whether a state came back at all, never its value.
        error: new CalpumpError('auth.login.stateMismatch', {
          params: { redirectUri, profile },
          evidence: params.has('state') ? 'state=different' : 'state=absent',
        }),
      });
    }
    const error = params.get('error');
    if (error)
      return finish(res, {
        error: authErrorFromServer(opts.errorContext, error, params.get('error_description') ?? undefined, undefined, 'auth.login.failed'),
      });
    const authCode = params.get('code');
    if (!authCode) return finish(res, { error: new CalpumpError('auth.login.noCode', { params: { redirectUri, profile } }) });
    return finish(res, { code: authCode });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== target.pathname || (req.method !== 'GET' && req.method !== 'POST')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (done) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(successPage(lang));
      return;
    }
    if (req.method === 'GET') return handle(res, url.searchParams);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) req.destroy();
    });
    req.on('end', () => handle(res, new URLSearchParams(body)));
  });

  const timer = setTimeout(() => {
    if (done) return;
    done = true;
    settle.reject(
      new CalpumpError('auth.login.timeout', { params: { redirectUri, profile, seconds: String(Math.round(opts.timeoutMs / 1000)) } }),
    );
  }, opts.timeoutMs);
  timer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
        reject(new CalpumpError('auth.loopback.portInUse', { params: { port: String(port), redirectUri, profile }, evidence: e.code }));
      } else reject(e);
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    port,
    code,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(timer);
        if (!done) {
          done = true;
          settle.reject(new CalpumpError('auth.login.cancelled', { params: { profile } }));
        }
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
