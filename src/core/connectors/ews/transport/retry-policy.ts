// The only place EWS calls wait and retry (operations never sleep). ErrorServerBusy waits what Exchange asks
// (BackOffMilliseconds); 503s and dropped connections back off exponentially with jitter; tries are bounded.
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

export const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
