// One HTTP client per profile: trust policy, proxy route per origin, keep-alive agents, timeouts, and
// error mapping. Connectors (EWS, Graph) send everything through it so TLS and proxy behave the same.
import * as http from 'node:http';
import * as https from 'node:https';
import type * as net from 'node:net';
import type { TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';
import type { NetLimitSetting, ProxySetting, TlsSetting } from '../../shared/profile.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { answerCut, IdleTimeoutError, readBoundedAnswer, type AnswerReading } from './bounded-answer.js';
import { mapNetworkError, RequestTimeoutError } from './network-errors.js';
import { describeProxy, resolveProxy, routeFacts, type ProxyRoute } from './proxy-resolution.js';
import { proxySignIn, type ProxySignIn, type ProxySignInDeps } from './proxy-sign-in.js';
import { readLimits, type NetProtocol, type ReadLimits } from './read-limits.js';
import { RequestSlots } from './request-slots.js';
import { secureConnect } from './secure-connect.js';
import { loadTlsPolicy, type TlsPolicy } from './tls-policy.js';

export interface HttpClientOptions {
  profileId: string;
  tls?: TlsSetting;
  proxy?: ProxySetting;
  secrets: SecretStore;
  env?: NodeJS.ProcessEnv;
  /** Total time for one request when the profile's limits do not set one. */
  timeoutMs: number;
  /** Proxy sign-in with Kerberos: the binding and kinit (tests pass fakes). */
  proxySignIn?: ProxySignInDeps;
  /** Which defaults apply (answer size): the profile's kind. Default 'other'. */
  protocol?: NetProtocol;
  /** The profile's `limits` (answer size, idle and total timeout). */
  limits?: NetLimitSetting;
  /** Requests in flight at once per origin on the shared keep-alive agent; more wait for a socket (default 8). */
  maxSockets?: number;
}

export const DEFAULT_MAX_SOCKETS = 8;

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A dedicated agent (NTLM binds authentication to one connection). Default: the shared keep-alive agent. */
  agent?: http.Agent;
  /** Told which socket carries the request (connection-bound NTLM remembers the authenticated one). */
  onSocket?: (socket: net.Socket) => void;
  /** A smaller byte cap for this answer than the client's (never a larger one). */
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Which way the request went, as an engine text: "proxy http://proxy:3128 (from HTTPS_PROXY)". */
  route: TextRef;
  /** The same as compact facts for evidence and logs: "http://proxy:3128 why=environment". */
  via: string;
}

/** One answer as read: status line, headers and the decoded body. */
interface Answer {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: string;
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
    // Bounded by the idle timeout: a peer that accepts TCP and never answers the handshake (or CONNECT) must not
    // leave a pending socket behind after the request gave up.
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

export class HttpClient {
  private readonly routes = new Map<string, Promise<ProxyRoute>>();
  private readonly agents = new Map<string, { agent: http.Agent; slots: RequestSlots }>();
  /** Agents handed out by newAgent() and not yet destroyed; close() ends their connections too. */
  private readonly dedicated = new Set<http.Agent>();
  private readonly signIns = new Set<ProxySignIn>();

  /** Byte cap, idle and total timeout for every answer this client reads. */
  readonly limits: ReadLimits;

  private constructor(
    private readonly opts: HttpClientOptions,
    readonly tlsPolicy: TlsPolicy,
  ) {
    this.limits = readLimits(opts.protocol ?? 'other', opts.limits, opts.timeoutMs);
  }

  static async create(opts: HttpClientOptions): Promise<HttpClient> {
    return new HttpClient(opts, await loadTlsPolicy(opts.tls));
  }

  get timeoutMs(): number {
    return this.limits.totalMs;
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

  /** The route to `url` as an engine text: "proxy http://proxy:3128 (from HTTPS_PROXY)". */
  async describeRoute(url: string | URL): Promise<TextRef> {
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
            this.limits.idleMs,
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

  /** The keep-alive agent of an origin and the slots that keep its requests within its sockets (request-slots.ts). */
  private async sharedAgent(u: URL): Promise<{ agent: http.Agent; slots: RequestSlots }> {
    const key = `${u.protocol}//${u.host}`;
    let a = this.agents.get(key);
    if (!a) {
      const maxSockets = this.opts.maxSockets ?? DEFAULT_MAX_SOCKETS;
      const agent = await this.newAgent(u, { keepAlive: true, maxSockets });
      this.dedicated.delete(agent);
      // Two requests may have created one each while awaiting: the first one kept is the one everybody uses.
      a = this.agents.get(key);
      if (a) agent.destroy();
      else this.agents.set(key, (a = { agent, slots: new RequestSlots(maxSockets) }));
    }
    return a;
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    if (req.agent) return this.requestOn(req, req.agent);
    const { agent, slots } = await this.sharedAgent(new URL(req.url));
    // Waiting for a slot is not part of the request's time: its timers start when it may have a socket.
    await slots.acquire();
    try {
      return await this.requestOn(req, agent);
    } finally {
      slots.release();
    }
  }

  private async requestOn(req: HttpRequest, agent: http.Agent): Promise<HttpResponse> {
    const u = new URL(req.url);
    const route = await this.route(u);
    const routeText = describeProxy(route);
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
    const limits = req.maxBytes === undefined ? this.limits : { ...this.limits, maxBytes: Math.min(req.maxBytes, this.limits.maxBytes) };
    const ctx = {
      host: u.hostname,
      port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
      proxy: routeText,
      timeoutMs: limits.totalMs,
      idleMs: limits.idleMs,
      viaProxy: plainViaProxy,
    };
    try {
      const res = plainViaProxy
        ? await this.sendViaProxy(route, options, req, limits)
        : await this.send(u.protocol === 'https:' ? https.request : http.request, options, limits, req.body, req.onSocket);
      return { ...res, route: routeText, via: routeFacts(route) };
    } catch (err) {
      throw mapNetworkError(err, ctx);
    }
  }

  /**
   * Plain HTTP through a proxy that may ask for a sign-in: the scheme that worked before goes first; on a 407
   * the legs run over one connection of their own (NTLM signs in the connection), then that connection ends.
   */
  private async sendViaProxy(route: ProxyRoute, options: http.RequestOptions, req: HttpRequest, limits: ReadLimits): Promise<Answer> {
    const signIn = this.signIn(route)!;
    const conversation = signIn.conversation();
    const withAuth = (auth: string | undefined, agent = options.agent): http.RequestOptions => ({
      ...options,
      agent,
      headers: { ...options.headers, ...(auth ? { 'Proxy-Authorization': auth } : {}) },
    });
    let res = await this.send(http.request, withAuth(await conversation.first()), limits, req.body, req.onSocket);
    if (res.status !== 407) {
      if (res.status < 400) conversation.succeeded();
      return res;
    }
    const own = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let leg = 1; res.status === 407; leg++) {
        const line = `${options.method} ${String(options.path)} → ${res.status} ${res.statusText}`;
        if (leg > 3) throw signIn.failure('', text('problem.proxy.keepsAsking'), line);
        const values = res.headers['proxy-authenticate'];
        const next = await conversation.answer(values ? [values] : [], line);
        res = await this.send(http.request, withAuth(next.header, own), limits, req.body, req.onSocket);
      }
      if (res.status < 400) conversation.succeeded();
      return res;
    } finally {
      own.destroy();
    }
  }

  /**
   * One request, settled exactly once: the decoded answer, or the first failure. Every path that settles clears
   * both timers and ends the request, so nothing is left to keep the process alive or to fire later.
   */
  private send(
    fn: typeof http.request,
    options: http.RequestOptions,
    limits: ReadLimits,
    body: string | undefined,
    onSocket?: (socket: net.Socket) => void,
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      let settled = false;
      let reading: AnswerReading | undefined;
      const settle = (err: Error | undefined, value?: Answer) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        clearTimeout(idle);
        if (err) {
          reading?.abort();
          r.destroy();
          reject(err);
        } else resolve(value!);
      };
      const r = fn(options, (res) => {
        idle.refresh();
        reading = readBoundedAnswer(
          res,
          limits.maxBytes,
          () => idle.refresh(),
          (err, buf) => {
            if (err) settle(err);
            else
              settle(undefined, {
                status: res.statusCode ?? 0,
                statusText: res.statusMessage ?? '',
                headers: res.headers,
                body: buf!.toString('utf8'),
              });
          },
        );
      });
      const total = setTimeout(() => settle(new RequestTimeoutError(`totalMs=${limits.totalMs}`)), limits.totalMs);
      const idle = setTimeout(() => settle(new IdleTimeoutError(`idleMs=${limits.idleMs}`)), limits.idleMs);
      if (onSocket) r.once('socket', onSocket);
      r.on('error', (e) => settle(e));
      // A request closed without an answer and without an error (the socket went away quietly) is a cut connection.
      r.on('close', () => {
        if (!reading) settle(answerCut('before-response'));
      });
      r.end(body);
    });
  }

  close(): void {
    for (const a of this.agents.values()) a.agent.destroy();
    this.agents.clear();
    for (const a of [...this.dedicated]) a.destroy();
    for (const s of this.signIns) s.close();
    this.signIns.clear();
  }
}
