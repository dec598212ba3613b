// The one place Graph retry, back-off, throttling and concurrency live (CONVENTIONS #3). Operations never sleep
// or retry: they call send()/batch() and get the final answer. Policy:
//  - at most 4 requests in flight per mailbox (Exchange Online's MailboxConcurrency limit);
//  - 429/503/504: wait Retry-After (seconds or HTTP date) when given, else jittered exponential back-off;
//  - 401 InvalidAuthenticationToken: one fresh token, then give up;
//  - dropped connections (reset, truncated body): a few retries with back-off;
//  - $batch: up to 20 members per request; a throttled member is retried after its own Retry-After.
import { text } from '../../../shared/i18n/engine-texts.js';
import type { HttpSend } from '../../auth/http-send.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import { isTransientNetworkError } from '../../net/index.js';
import { jsonDeeperThan, MAX_JSON_DEPTH } from '../../net/json-depth.js';
import { ServerWaits } from '../../net/server-wait.js';
import type { Logger } from '../../log/logger.js';

export interface GraphCall {
  method: 'GET' | 'POST';
  /** Absolute URL (nextLink/deltaLink) or a path below /v1.0 ("/users/x/calendars"). */
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** For logs and error texts: calendarView, users, getSchedule… */
  operation: string;
  /** Concurrency key; requests without one share the tenant-wide slot pool. */
  mailbox?: string;
}

export interface GraphHttpResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface BatchMember {
  id: string;
  method: 'GET' | 'POST';
  /** Relative to /v1.0, e.g. "/users/x/calendars/y/events?$count=true&$top=1". */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchMemberResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface TransportOptions {
  http: HttpSend;
  graphHost: string;
  token: (opts?: { forceRefresh?: boolean }) => Promise<string>;
  logger: Logger;
  /** Where waits the server asks for are announced (the connector's or writer's channel; default: a channel of its own). */
  waits?: ServerWaits;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  maxAttempts?: number;
  perMailbox?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export const RETRYABLE = new Set([429, 503, 504]);
export const BATCH_LIMIT = 20;

class Slots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}

export class GraphTransport {
  private readonly slots = new Map<string, Slots>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  readonly maxAttempts: number;
  /** Peak concurrent requests per mailbox seen so far (for tests and `describe`). */
  readonly peak = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  /** Where this transport announces the waits the server asks for. */
  readonly waits: ServerWaits;

  constructor(private readonly o: TransportOptions) {
    this.waits = o.waits ?? new ServerWaits();
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = o.random ?? Math.random;
    this.now = o.now ?? Date.now;
    this.maxAttempts = o.maxAttempts ?? 8;
  }

  absolute(url: string): string {
    return /^https?:\/\//i.test(url) ? url : `${this.o.graphHost.replace(/\/+$/, '')}/v1.0${url.startsWith('/') ? url : `/${url}`}`;
  }

  /** Delay before the next attempt: the server's Retry-After when present, else jittered exponential back-off. */
  delayMs(attempt: number, retryAfter: string | undefined): number {
    const jitter = this.random();
    if (retryAfter) {
      const seconds = Number(retryAfter);
      const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - this.now();
      if (Number.isFinite(ms) && ms >= 0) return ms + Math.floor(jitter * 250);
    }
    const base = this.o.baseDelayMs ?? 1000;
    const capped = Math.min(this.o.maxDelayMs ?? 60_000, base * 2 ** attempt);
    return Math.floor(capped / 2 + (capped / 2) * jitter);
  }

  private async once(call: GraphCall, token: string): Promise<GraphHttpResult> {
    const key = (call.mailbox ?? '*').toLowerCase();
    let slots = this.slots.get(key);
    if (!slots) this.slots.set(key, (slots = new Slots(this.o.perMailbox ?? 4)));
    await slots.acquire();
    const n = (this.inFlight.get(key) ?? 0) + 1;
    this.inFlight.set(key, n);
    this.peak.set(key, Math.max(this.peak.get(key) ?? 0, n));
    try {
      const headers: Record<string, string> = { Accept: 'application/json', ...call.headers, Authorization: `Bearer ${token}` };
      if (call.body !== undefined) headers['Content-Type'] = 'application/json';
      return await this.o.http({ method: call.method, url: this.absolute(call.url), headers, body: call.body });
    } finally {
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
      slots.release();
    }
  }

  /** The final answer to a call: retried, throttled and re-authenticated as the policy above says; its body unchecked. */
  private async exchange(call: GraphCall): Promise<GraphHttpResult & { attempts: number }> {
    const log = this.o.logger;
    let refreshed = false;
    let token = await this.o.token();
    for (let attempt = 0; ; attempt++) {
      let res: GraphHttpResult;
      try {
        res = await this.once(call, token);
      } catch (e) {
        if (isTransientNetworkError(e) && attempt < Math.min(3, this.maxAttempts - 1)) {
          const wait = this.delayMs(attempt, undefined);
          log.debug('graph.retry.network', { operation: call.operation, mailbox: call.mailbox, attempt, waitMs: wait });
          await this.sleep(wait);
          continue;
        }
        throw e;
      }
      if (res.status === 401 && !refreshed && /InvalidAuthenticationToken/.test(res.body)) {
        refreshed = true;
        token = await this.o.token({ forceRefresh: true });
        log.debug('graph.token.refreshed', { operation: call.operation });
        continue;
      }
      if (RETRYABLE.has(res.status) && attempt < this.maxAttempts - 1) {
        const wait = this.delayMs(attempt, res.headers['retry-after']);
        log.info('graph.throttled', {
          operation: call.operation,
          mailbox: call.mailbox,
          status: res.status,
          retryAfter: res.headers['retry-after'],
          waitMs: wait,
          attempt,
        });
        if (res.headers['retry-after'])
          this.waits.announce(log, { ms: wait, reason: `HTTP ${res.status}`, mailbox: call.mailbox, operation: call.operation, attempt });
        await this.sleep(wait);
        continue;
      }
      return { ...res, attempts: attempt + 1 };
    }
  }

  /** One call's final answer; an answer nested deeper than MAX_JSON_DEPTH is refused before anyone parses it. */
  async send(call: GraphCall): Promise<GraphHttpResult> {
    const res = await this.exchange(call);
    if (jsonDeeperThan(res.body)) throw this.tooDeep(call, res);
    return answer(res);
  }

  /**
   * send() for a JSON read: a 2xx answer's body parsed once (`json`; undefined when the body is empty or not JSON)
   * and its depth checked on the parsed value, which costs a fraction of a pass over the text; other answers are
   * checked as send() checks them.
   */
  async sendJson(call: GraphCall): Promise<GraphHttpResult & { json?: unknown }> {
    const res = await this.exchange(call);
    let json: unknown;
    if (res.status >= 200 && res.status < 300 && res.body) {
      try {
        json = JSON.parse(res.body) as unknown;
      } catch {
        json = undefined;
      }
    }
    if (json === undefined ? jsonDeeperThan(res.body) : valueDeeperThan(json)) throw this.tooDeep(call, res);
    return { ...answer(res), json };
  }

  private tooDeep(call: GraphCall, res: GraphHttpResult): CalpumpError {
    return new CalpumpError('graph.response.invalid', {
      params: {
        operation: call.operation,
        problem: text('problem.graph.tooDeep', { max: MAX_JSON_DEPTH }),
        graphHost: this.o.graphHost,
      },
      evidence: `HTTP ${res.status}, ${res.body.length} characters`,
    });
  }

  /**
   * Runs members as JSON $batch requests of up to 20; results in member order. A throttled member is sent again
   * after its own Retry-After (members due at the same time travel together), so one slow mailbox in a batch does
   * not hold back the others.
   */
  async batch(members: BatchMember[], operation: string, mailbox?: string): Promise<BatchMemberResult[]> {
    const results = new Map<string, BatchMemberResult>();
    for (let i = 0; i < members.length; i += BATCH_LIMIT) {
      let waiting = members.slice(i, i + BATCH_LIMIT).map((m) => ({ m, dueAt: 0, attempt: 0 }));
      // Time as this batch sees it: advanced by the waits, so a test's sleep needs no clock.
      let clock = 0;
      while (waiting.length > 0) {
        const next = Math.min(...waiting.map((w) => w.dueAt));
        if (next > clock) {
          await this.sleep(next - clock);
          clock = next;
        }
        const due = waiting.filter((w) => w.dueAt <= clock);
        waiting = waiting.filter((w) => w.dueAt > clock);
        const res = await this.sendJson({
          method: 'POST',
          url: '/$batch',
          body: JSON.stringify({ requests: due.map((w) => w.m) }),
          operation,
          mailbox,
        });
        if (res.status !== 200) {
          for (const { m } of due) results.set(m.id, { id: m.id, status: res.status, headers: res.headers, body: safeJson(res.body) });
          continue;
        }
        const answers = ((res.json as { responses?: BatchMemberResult[] } | undefined)?.responses ?? []).map((r) => ({
          ...r,
          headers: lower(r.headers),
        }));
        const again: typeof waiting = [];
        let asked: number | undefined;
        for (const a of answers) {
          const w = due.find((d) => d.m.id === a.id);
          if (!w) continue;
          if (RETRYABLE.has(a.status) && w.attempt < this.maxAttempts - 1) {
            again.push({ m: w.m, attempt: w.attempt + 1, dueAt: clock + this.delayMs(w.attempt, a.headers['retry-after']) });
            if (a.headers['retry-after']) asked ??= a.status;
          } else results.set(a.id, a);
        }
        if (again.length) {
          this.o.logger.info('graph.throttled', {
            operation,
            members: again.length,
            waitMs: Math.min(...again.map((w) => w.dueAt)) - clock,
            attempt: Math.max(...again.map((w) => w.attempt)),
          });
          if (asked) {
            const ms = Math.min(...again.map((w) => w.dueAt)) - clock;
            this.waits.announce(this.o.logger, { ms, reason: `HTTP ${asked}`, mailbox, operation });
          }
        }
        waiting.push(...again);
      }
    }
    return members.map((m) => results.get(m.id) ?? { id: m.id, status: 0, headers: {}, body: undefined });
  }
}

/** The answer as callers see it: how many attempts it took rides along as a header. */
function answer(res: GraphHttpResult & { attempts: number }): GraphHttpResult {
  return { status: res.status, headers: { ...res.headers, 'x-calpump-attempts': String(res.attempts) }, body: res.body };
}

/**
 * True when a parsed JSON value opens more than `limit` arrays/objects inside each other: jsonDeeperThan's verdict
 * on the text it was parsed from (the walk stops one level past the limit, so it never recurses deeper).
 */
export function valueDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  return typeof value === 'object' && value !== null && nestsDeeper(value, 1, limit);
}

function nestsDeeper(node: object, level: number, limit: number): boolean {
  if (level > limit) return true;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const v: unknown = node[i];
      if (typeof v === 'object' && v !== null && nestsDeeper(v, level + 1, limit)) return true;
    }
    return false;
  }
  const record = node as Record<string, unknown>;
  for (const k in record) {
    const v = record[k];
    if (typeof v === 'object' && v !== null && nestsDeeper(v, level + 1, limit)) return true;
  }
  return false;
}

function lower(h: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) out[k.toLowerCase()] = String(v);
  return out;
}

export function safeJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
