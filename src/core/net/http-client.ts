// One HTTP client per profile: trust policy, proxy route per origin, keep-alive agents, timeouts, and
// error mapping. Connectors (EWS, Graph) send everything through it so TLS and proxy behave the same.
import * as http from 'node:http';
import * as https from 'node:https';
import type * as net from 'node:net';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { ProxySetting, TlsSetting } from '../../shared/profile.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { mapNetworkError, RequestTimeoutError } from './network-errors.js';
import { describeProxy, resolveProxy, type ProxyRoute } from './proxy-resolution.js';
import { proxySignIn, type ProxySignIn, type ProxySignInDeps } from './proxy-sign-in.js';
import { secureConnect } from './secure-connect.js';
import { loadTlsPolicy, type TlsPolicy } from './tls-policy.js';

export interface HttpClientOptions {
  profileId: string;
  tls?: TlsSetting;
  proxy?: ProxySetting;
  secrets: SecretStore;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Proxy sign-in with Kerberos: the binding and kinit (tests pass fakes). */
  proxySignIn?: ProxySignInDeps;
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A dedicated agent (NTLM binds authentication to one connection). Default: the shared keep-alive agent. */
  agent?: http.Agent;
  /** Told which socket carries the request (connection-bound NTLM remembers the authenticated one). */
  onSocket?: (socket: net.Socket) => void;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Which way the request went, e.g. "proxy http://proxy:3128 (from HTTPS_PROXY)". */
  route: string;
}

/** An https.Agent whose sockets come from secureConnect(): proxy tunnel + our TLS verification. */
class VerifiedHttpsAgent extends https.Agent {
  constructor(
    private readonly route: ProxyRoute,
    private readonly policy: TlsPolicy,
    opts: https.AgentOptions,
    private readonly signIn?: ProxySignIn,
    private readonly timeoutMs?: number,
  ) {
    super(opts);
  }

  // Asynchronous createConnection (callback, no return value) is how Node's Agent supports late sockets.
  override createConnection(options: http.ClientRequestArgs, cb?: (err: Error | null, s: net.Socket) => void): undefined {
    const host = String(options.hostname ?? options.host ?? 'localhost').replace(/^\[|\]$/g, '');
    secureConnect({
      host,
      port: Number(options.port ?? 443),
      route: this.route,
      policy: this.policy,
      signIn: this.signIn,
      timeoutMs: this.timeoutMs,
    }).then(
      (s) => cb?.(null, s),
      (e: Error) => cb?.(e, undefined as unknown as net.Socket),
    );
    return undefined;
  }
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);

export class HttpClient {
  private readonly routes = new Map<string, Promise<ProxyRoute>>();
  private readonly agents = new Map<string, http.Agent>();
  /** Agents handed out by newAgent() and not yet destroyed; close() ends their connections too. */
  private readonly dedicated = new Set<http.Agent>();
  private readonly signIns = new Set<ProxySignIn>();

  private constructor(
    private readonly opts: HttpClientOptions,
    readonly tlsPolicy: TlsPolicy,
  ) {}

  static async create(opts: HttpClientOptions): Promise<HttpClient> {
    return new HttpClient(opts, await loadTlsPolicy(opts.tls));
  }

  get timeoutMs(): number {
    return this.opts.timeoutMs;
  }

  route(url: URL): Promise<ProxyRoute> {
    const key = `${url.protocol}//${url.host}`;
    let r = this.routes.get(key);
    if (!r) {
      r = resolveProxy(url, {
        setting: this.opts.proxy,
        profileId: this.opts.profileId,
        secrets: this.opts.secrets,
        env: this.opts.env ?? process.env,
      });
      this.routes.set(key, r);
    }
    return r;
  }

  /** The proxy sign-in kept with a route (none for a direct one). */
  private signIn(route: ProxyRoute): ProxySignIn | undefined {
    if (route.kind !== 'proxy') return undefined;
    const s = proxySignIn(route, this.opts.proxySignIn);
    this.signIns.add(s);
    return s;
  }

  async describeRoute(url: string | URL): Promise<string> {
    return describeProxy(await this.route(new URL(url)));
  }

  /** A fresh agent for one origin; the caller destroys it. keepAlive + one socket for connection-bound auth. */
  async newAgent(
    url: string | URL,
    opts: { keepAlive: boolean; maxSockets?: number } = { keepAlive: true, maxSockets: 1 },
  ): Promise<http.Agent> {
    const u = new URL(url);
    const route = await this.route(u);
    const agent =
      u.protocol === 'https:'
        ? new VerifiedHttpsAgent(
            route,
            this.tlsPolicy,
            { keepAlive: opts.keepAlive, maxSockets: opts.maxSockets },
            this.signIn(route),
            this.opts.timeoutMs,
          )
        : new http.Agent({ keepAlive: opts.keepAlive, maxSockets: opts.maxSockets });
    this.dedicated.add(agent);
    const destroy = agent.destroy.bind(agent);
    agent.destroy = () => {
      this.dedicated.delete(agent);
      destroy();
    };
    return agent;
  }

  private async sharedAgent(u: URL): Promise<http.Agent> {
    const key = `${u.protocol}//${u.host}`;
    let a = this.agents.get(key);
    if (!a) {
      a = await this.newAgent(u, { keepAlive: true, maxSockets: 8 });
      this.dedicated.delete(a);
      this.agents.set(key, a);
    }
    return a;
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const u = new URL(req.url);
    const route = await this.route(u);
    const routeText = describeProxy(route);
    const agent = req.agent ?? (await this.sharedAgent(u));
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    let options: http.RequestOptions;
    const plainViaProxy = u.protocol === 'http:' && route.kind === 'proxy';
    if (plainViaProxy) {
      // Plain HTTP through a forward proxy: absolute-form request line to the proxy itself.
      const p = route.proxyUrl!;
      headers.Host = u.host;
      options = { host: p.hostname, port: p.port || 80, path: u.href, method: req.method, headers, agent };
    } else {
      options = {
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: u.port || (u.protocol === 'https:' ? 443 : 80),
        path: u.pathname + u.search,
        method: req.method,
        headers,
        agent,
      };
    }
    const ctx = {
      host: u.hostname,
      port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
      proxy: routeText,
      timeoutMs: this.opts.timeoutMs,
      viaProxy: plainViaProxy,
    };
    try {
      const res = plainViaProxy
        ? await this.sendViaProxy(route, options, req)
        : await this.send(u.protocol === 'https:' ? https.request : http.request, options, req.body, req.onSocket);
      return { ...res, route: routeText };
    } catch (err) {
      throw mapNetworkError(err, ctx);
    }
  }

  /**
   * Plain HTTP through a proxy that may ask for a sign-in: the scheme that worked before goes first; on a 407
   * the legs run over one connection of their own (NTLM signs in the connection), then that connection ends.
   */
  private async sendViaProxy(
    route: ProxyRoute,
    options: http.RequestOptions,
    req: HttpRequest,
  ): Promise<{ status: number; statusText: string; headers: http.IncomingHttpHeaders; body: string }> {
    const signIn = this.signIn(route)!;
    const conversation = signIn.conversation();
    const withAuth = (auth: string | undefined, agent = options.agent): http.RequestOptions => ({
      ...options,
      agent,
      headers: { ...options.headers, ...(auth ? { 'Proxy-Authorization': auth } : {}) },
    });
    let res = await this.send(http.request, withAuth(await conversation.first()), req.body, req.onSocket);
    if (res.status !== 407) {
      if (res.status < 400) conversation.succeeded();
      return res;
    }
    const own = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let leg = 1; res.status === 407; leg++) {
        const line = `${options.method} ${String(options.path)} → ${res.status} ${res.statusText}`;
        if (leg > 3) throw signIn.failure('', 'the proxy keeps asking for a sign-in', line);
        const values = res.headers['proxy-authenticate'];
        const next = await conversation.answer(values ? [values] : [], line);
        res = await this.send(http.request, withAuth(next.header, own), req.body, req.onSocket);
      }
      if (res.status < 400) conversation.succeeded();
      return res;
    } finally {
      own.destroy();
    }
  }

  private send(
    fn: typeof http.request,
    options: http.RequestOptions,
    body: string | undefined,
    onSocket?: (socket: net.Socket) => void,
  ): Promise<{ status: number; statusText: string; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const r = fn(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('aborted', () => reject(Object.assign(new Error('the server closed the connection mid-answer'), { code: 'ECONNRESET' })));
        res.on('end', () => {
          clearTimeout(timer);
          const raw = Buffer.concat(chunks);
          const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
          const decoded = enc === 'gzip' ? gunzip(raw) : enc === 'deflate' ? inflate(raw) : Promise.resolve(raw);
          decoded.then(
            (b) =>
              resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, body: b.toString('utf8') }),
            reject,
          );
        });
      });
      if (onSocket) r.once('socket', onSocket);
      const timer = setTimeout(() => r.destroy(new RequestTimeoutError(`no answer within ${this.opts.timeoutMs} ms`)), this.opts.timeoutMs);
      r.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      r.end(body);
    });
  }

  close(): void {
    for (const a of this.agents.values()) a.destroy();
    this.agents.clear();
    for (const a of [...this.dedicated]) a.destroy();
    for (const s of this.signIns) s.close();
    this.signIns.clear();
  }
}
