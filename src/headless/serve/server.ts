// `calpump serve`: the UI over http://127.0.0.1 and the RPC over a WebSocket, both behind the session token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CalpumpError } from '../../core/errors/calpump-error.js';
import { renderError } from '../../shared/i18n/catalogue.js';
import type { Lang } from '../../core/doctor/catalogue.js';
import type { Logger } from '../../core/log/logger.js';
import type { Dispatcher } from '../../core/rpc/dispatcher.js';
import { allowedAuthorities, hostAllowed, originAllowed, requestToken, sameToken, sessionCookie } from './session-auth.js';
import { contentSecurityPolicy, hasUi, plain, securityHeaders, serveUiFile } from './static-ui.js';
import { serveRpcSocket } from './ws-rpc.js';
import { bootHead } from './boot-data.js';

export const RPC_PATH = '/rpc';
export const FEEDS_PREFIX = '/feeds/';

/** Handles everything under /feeds/ (the pump's calendar feeds) with its own per-feed authentication. */
export type FeedsHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface ServeServerOptions {
  host: string;
  port: number;
  token: string;
  dispatcher: Dispatcher;
  uiDir: string;
  logger: Logger;
  lang?: Lang;
  feeds?: FeedsHandler;
}

export interface RunningServeServer {
  /** The URL to open: origin + ?token=… */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export async function startServeServer(opts: ServeServerOptions): Promise<RunningServeServer> {
  const lang = opts.lang ?? 'en';
  let authorities: Set<string> | undefined = new Set<string>();
  let csp: (styleNonce: string) => string = () => '';
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });

  const server = createServer((req, res) => {
    securityHeaders(res);
    handle(req, res).catch((e: unknown) => {
      opts.logger.error('serve.request.failed', { path: req.url?.split('?')[0], error: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://calpump.invalid');
    if (!hostAllowed(req, authorities)) return plain(res, 421, 'This server does not answer to that host name.');
    if (url.pathname.startsWith(FEEDS_PREFIX) && opts.feeds) return opts.feeds(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    if (!originAllowed(req, authorities, false)) return refuse(res, 403, 'rpc.forbidden', { origin: String(req.headers.origin) });
    if (!sameToken(requestToken(req, url), opts.token)) return refuse(res, 401, 'serve.tokenRequired');
    if (url.searchParams.has('token')) {
      // Trade the token in the address bar for a cookie and drop it from the URL (history, screenshots).
      url.searchParams.delete('token');
      res.statusCode = 303;
      res.setHeader('Set-Cookie', sessionCookie(opts.token));
      res.setHeader('Location', url.pathname + (url.search || ''));
      res.setHeader('Cache-Control', 'no-store');
      return void res.end();
    }
    if (!(await hasUi(opts.uiDir))) return refuse(res, 503, 'serve.uiMissing', { dir: opts.uiDir });
    await serveUiFile(req, res, url, opts.uiDir, csp, () => bootHead(opts.dispatcher, opts.uiDir, req));
  }

  function refuse(
    res: ServerResponse,
    status: number,
    id: 'serve.tokenRequired' | 'rpc.forbidden' | 'serve.uiMissing',
    params: Record<string, string> = {},
  ): void {
    const info = renderError({ id, params }, lang);
    plain(res, status, `${info.title}\n\n${info.message}\n\n${info.fix}`);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://calpump.invalid');
    const deny = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== RPC_PATH) return deny(404, 'Not Found');
    if (!hostAllowed(req, authorities)) return deny(421, 'Misdirected Request');
    if (!originAllowed(req, authorities, false)) {
      opts.logger.warn('serve.ws.originRefused', { origin: req.headers.origin });
      return deny(403, 'Forbidden');
    }
    if (!sameToken(requestToken(req, url), opts.token)) return deny(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => serveRpcSocket(ws, opts.dispatcher, opts.logger));
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        reject(new CalpumpError('serve.portInUse', { params: { host: opts.host, port: String(opts.port) }, cause: e }));
      else reject(e);
    };
    server.once('error', onError);
    server.listen(opts.port, opts.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  authorities = allowedAuthorities(opts.host, port);
  const hostPart = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const origin = `http://${hostPart}:${port}`;
  csp = (styleNonce) => contentSecurityPolicy(`ws://${hostPart}:${port}`, styleNonce);
  opts.logger.info('serve.listening', { origin });

  return {
    url: `${origin}/?token=${encodeURIComponent(opts.token)}`,
    origin,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
