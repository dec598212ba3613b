// The one way EWS requests leave Calpump: auth (Basic, connection-bound NTLM, Kerberos, OAuth bearer), retry policy, request recording, trace logging
// and answer classification. ews-javascript-api and our own SOAP builders both go through post().
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { Logger } from '../../../log/logger.js';
import { isTransientNetworkError } from '../../../net/network-errors.js';
import { ServerWaits } from '../../../net/server-wait.js';
import type { HttpResponse } from '../../../net/http-client.js';
import type { EwsProfile } from '../../../../shared/profile.js';
import type { EwsCallContext } from '../ews-errors.js';
import type { XmlCaptures, XmlNode } from '../xml/safe-xml.js';
import type { NegotiateSource } from '../../../auth/kerberos/negotiate-types.js';
import type { HttpSender } from './http-sender.js';
import { negotiatePost } from './negotiate-post.js';
import { NtlmLanes } from './ntlm-lanes.js';
import { basicAuthorization } from './password-post.js';
import { classifyResponse } from './response-classifier.js';
import { DEFAULT_RETRY, exponentialDelay, realSleep, retryAfterMs, serverBusyDelay, type RetryPolicy } from './retry-policy.js';

export interface RecordedRequest {
  operation: string;
  url: string;
  body: string;
}
export type RequestRecorder = (r: RecordedRequest) => void;

/** OAuth (legacy EWS on Microsoft 365, or on-premises): per-request bearer headers instead of Basic/NTLM (core/auth/ews-bearer.ts). */
export interface BearerAuth {
  headers(mailbox: string, opts?: { forceRefresh?: boolean }): Promise<Record<string, string>>;
  /** App-only token: no mailbox of its own, every call impersonates. */
  appOnly: boolean;
  /** X-AnchorMailbox for calls that act on no mailbox (autodiscover, directory lookups). */
  fallbackMailbox: string;
}

export interface EwsTransportOptions {
  http: HttpSender;
  auth: EwsProfile['auth'];
  username: string;
  /** Resolved lazily so a missing secret fails the call that needs it, with secrets.missing. */
  password: () => Promise<string>;
  /** Kerberos: where Negotiate tokens come from (required for auth 'kerberos'). */
  negotiate?: NegotiateSource;
  /** Set: OAuth bearer (legacy EWS on Microsoft 365); auth, username and password are not sent. */
  bearer?: BearerAuth;
  logger: Logger;
  /** Where waits the server asks for are announced (the connector's or writer's channel; default: a channel of its own). */
  waits?: ServerWaits;
  recorder?: RequestRecorder;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  /** NTLM: how many authenticated keep-alive connections per origin (default 8, the pump's concurrency). */
  ntlmLanes?: number;
}

export interface EwsAnswer {
  xml: string;
  envelope: XmlNode;
  status: number;
}

export function operationOf(body: string): string {
  return /<(?:[\w-]+:)?Body[^>]*>\s*<(?:[\w-]+:)?([\w]+)/.exec(body)?.[1] ?? 'unknown';
}

const SOAP_HEADERS = { 'Content-Type': 'text/xml; charset=utf-8', Accept: 'text/xml', 'Accept-Encoding': 'gzip, deflate' };

export class EwsTransport {
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  /** NTLM authenticates connections, not requests: later calls reuse an authenticated one (see ntlm-lanes.ts). */
  readonly ntlmLanes: NtlmLanes;
  /** Where this transport announces the waits the server asks for. */
  readonly waits: ServerWaits;

  constructor(private readonly opts: EwsTransportOptions) {
    this.waits = opts.waits ?? new ServerWaits();
    this.policy = { ...DEFAULT_RETRY, ...(opts.retry ?? {}) };
    this.ntlmLanes = new NtlmLanes(opts.http, opts.ntlmLanes);
    this.sleep = opts.sleep ?? realSleep;
    this.random = opts.random ?? Math.random;
  }

  get http(): HttpSender {
    return this.opts.http;
  }

  async post(
    url: string,
    body: string,
    ctx: Omit<EwsCallContext, 'url' | 'username'>,
    extraHeaders: Record<string, string> = {},
    /** Elements read straight into values instead of subtrees (see parseXml). */
    captures?: XmlCaptures,
  ): Promise<EwsAnswer> {
    const operation = operationOf(body);
    const callCtx = { ...ctx, url, username: this.opts.username, auth: this.opts.auth };
    this.opts.recorder?.({ operation, url, body });
    const log = this.opts.logger;
    let lastError: CalpumpError | undefined;
    let drops = 0;
    for (let attempt = 1; attempt <= this.policy.maxTries; attempt++) {
      log.trace('ews.request', { operation, url, attempt, mailbox: ctx.mailbox, body });
      const started = Date.now();
      let res: HttpResponse;
      try {
        res = await this.send(url, body, extraHeaders, ctx.mailbox);
      } catch (e) {
        const err = e instanceof CalpumpError ? e : new CalpumpError('internal.unexpected', { params: { text: String(e) }, cause: e });
        if (!isTransientNetworkError(err) || attempt === this.policy.maxTries) throw err;
        // A dropped or cut connection says nothing about the server's load: the first retry goes out at once on
        // a fresh connection; only a connection that keeps failing is backed off.
        drops += 1;
        const wait = drops === 1 ? 0 : exponentialDelay(this.policy, drops - 1, this.random);
        log.debug('ews.retry', { operation, attempt, reason: err.evidence, waitMs: wait });
        if (wait > 0) await this.waits.pause(ctx.mailbox, wait, this.sleep);
        continue;
      }
      log.trace('ews.response', { operation, status: res.status, ms: Date.now() - started, route: res.via, body: res.body });
      this.noteServerVersion(res.body);
      const c = classifyResponse(res, callCtx, captures);
      if (c.kind === 'ok') {
        // An export holding back its next mailboxes for a wait learns here that the account is served again.
        this.waits.answered(started);
        return { xml: res.body, envelope: c.envelope, status: res.status };
      }
      lastError = c.error;
      if (attempt === this.policy.maxTries) break;
      // What the server asked for (ErrorServerBusy's back-off, a 503's Retry-After) is waited and announced;
      // otherwise the policy's own jittered back-off applies.
      const asked = c.kind === 'busy' ? c.backoffMs : retryAfterMs(res.headers['retry-after'], Date.now());
      const wait =
        c.kind === 'busy' || asked !== undefined
          ? serverBusyDelay(this.policy, asked)
          : exponentialDelay(this.policy, attempt, this.random);
      if (wait === undefined) break;
      const reason = c.kind === 'busy' ? 'ErrorServerBusy' : `HTTP ${res.status}`;
      if (asked !== undefined) this.waits.announce(log, { ms: wait, reason, mailbox: ctx.mailbox, operation, attempt });
      else log.debug('ews.retry', { operation, attempt, reason, waitMs: wait });
      // While it sleeps, an export may hand this mailbox's slot to the next one (dispatch.ts).
      await this.waits.pause(ctx.mailbox, wait, this.sleep);
    }
    throw lastError!;
  }

  /** Ends the authenticated NTLM connections (the HttpClient's close() ends them too) and Kerberos caches. */
  close(): void {
    this.ntlmLanes.close();
    this.opts.negotiate?.close();
  }

  /** ServerVersionInfo of the last answer that carried one, e.g. "15.1.2507.6 (V2017_07_11)". */
  serverVersion?: string;

  private noteServerVersion(body: string): void {
    const m = /<(?:[\w-]+:)?ServerVersionInfo\b([^>]*)>/.exec(body.slice(0, 4096));
    if (!m) return;
    const a = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1];
    const build = [a('MajorVersion'), a('MinorVersion'), a('MajorBuildNumber'), a('MinorBuildNumber')]
      .filter((x) => x !== undefined)
      .join('.');
    this.serverVersion = `${build || '?'}${a('Version') ? ` (${a('Version')})` : ''}`;
  }

  /** One authenticated POST without EWS classification or retries (Autodiscover reads its own answers). */
  async sendAuthenticated(url: string, body: string, headers: Record<string, string>): Promise<HttpResponse> {
    this.opts.logger.trace('ews.autodiscover.request', { url, body });
    const res = await this.send(url, body, headers);
    this.opts.logger.trace('ews.autodiscover.response', { url, status: res.status, body: res.body });
    return res;
  }

  private async send(url: string, body: string, extra: Record<string, string>, mailbox?: string): Promise<HttpResponse> {
    const headers = { ...SOAP_HEADERS, ...extra };
    if (this.opts.bearer) return this.sendBearer(this.opts.bearer, { url, headers, body }, mailbox);
    if (this.opts.auth === 'kerberos') {
      if (!this.opts.negotiate)
        throw new CalpumpError('internal.unexpected', { params: { text: 'EwsTransport auth=kerberos negotiate=undefined' } });
      return negotiatePost(this.opts.http, { url, headers, body }, this.opts.negotiate);
    }
    const password = await this.opts.password();
    if (this.opts.auth === 'ntlm') return this.ntlmLanes.request({ url, headers, body }, { username: this.opts.username, password });
    return this.opts.http.request({
      url,
      method: 'POST',
      headers: { ...headers, Authorization: basicAuthorization(this.opts.username, password) },
      body,
    });
  }

  /** A 401 may be a token revoked or expired early: one retry with a fresh token, then a clear failure. */
  private async sendBearer(
    bearer: BearerAuth,
    req: { url: string; headers: Record<string, string>; body: string },
    mailbox?: string,
  ): Promise<HttpResponse> {
    const anchor = mailbox ?? bearer.fallbackMailbox;
    let res: HttpResponse | undefined;
    for (const forceRefresh of [false, true]) {
      const auth = await bearer.headers(anchor, { forceRefresh });
      res = await this.opts.http.request({ url: req.url, method: 'POST', headers: { ...req.headers, ...auth }, body: req.body });
      if (res.status !== 401) return res;
      this.opts.logger.debug('ews.auth.bearerRejected', {
        url: req.url,
        forceRefresh,
        diagnostics: String(res.headers['x-ms-diagnostics'] ?? ''),
      });
    }
    const diag = res!.headers['x-ms-diagnostics'];
    throw new CalpumpError('ews.auth.unauthorized', {
      params: { username: this.opts.username },
      evidence: `HTTP 401 ×2 (Bearer; forceRefresh)${diag ? `; x-ms-diagnostics: ${String(diag)}` : ''}`,
    });
  }
}
