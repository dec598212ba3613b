// The only place EWS calls wait and retry (operations never sleep). ErrorServerBusy waits what Exchange asks
// (BackOffMilliseconds), a 503 its Retry-After; other 503s back off exponentially with jitter; a dropped
// connection is retried at once, then backed off; tries are bounded.
export interface RetryPolicy {
  /** Total attempts per request, the first included. */
  maxTries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound for one ErrorServerBusy wait; a longer request from the server fails fast instead. */
  maxServerBusyWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxTries: 4, baseDelayMs: 500, maxDelayMs: 30_000, maxServerBusyWaitMs: 5 * 60_000 };

export function exponentialDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

export function serverBusyDelay(policy: RetryPolicy, backoffMs: number | undefined): number | undefined {
  const ms = backoffMs ?? policy.baseDelayMs;
  return ms > policy.maxServerBusyWaitMs ? undefined : ms;
}

/** A Retry-After header (seconds or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: number): number | undefined {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v?.trim()) return undefined;
  const seconds = Number(v);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

export const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
