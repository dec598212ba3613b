// Waits a server asks for (ErrorServerBusy's BackOffMilliseconds, Retry-After on 429/503) are made visible: a
// wait longer than a few seconds is logged at info and announced to whoever runs the work — a job's progress
// stream, the CLI's progress line — so a job that waits minutes never looks hung. The announcement travels
// with the async context of the work (AsyncLocalStorage): transports need no reference to any job.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../log/logger.js';

/** Waits from this length on are logged at info and announced; shorter ones only at debug. */
export const VISIBLE_WAIT_MS = 3_000;

export interface ServerWait {
  /** How long Calpump waits before trying again. */
  ms: number;
  /** What the server said, as the protocol names it: "ErrorServerBusy", "HTTP 429", "HTTP 503". */
  reason: string;
  /** The mailbox the waiting request acts on, when there is one. */
  mailbox?: string;
  /** The request that waits (FindItem, calendarView…). */
  operation?: string;
  /** ISO time the wait ends. */
  until: string;
}

export type ServerWaitListener = (w: ServerWait) => void;

const listeners = new AsyncLocalStorage<ServerWaitListener>();
const observers = new AsyncLocalStorage<ServerWaitListener>();

/** Runs fn with a listener for the server waits its requests meet (nested calls: the innermost listener hears). */
export function withServerWaitListener<T>(listener: ServerWaitListener, fn: () => T): T {
  const outer = listeners.getStore();
  // An outer listener (a job) still hears waits announced inside an inner one (the CLI's line).
  return listeners.run(
    outer
      ? (w) => {
          listener(w);
          outer(w);
        }
      : listener,
    fn,
  );
}

/**
 * Runs fn with an observer told of every wait its requests meet, however short — how an export that spreads
 * mailboxes over threads lets a throttling answer seen on one of them hold back the others' next mailboxes.
 */
export function withThrottleObserver<T>(observer: ServerWaitListener, fn: () => T): T {
  return observers.run(observer, fn);
}

/** Hands a wait announced on another thread (already logged there) to this context's listener, if it is visible. */
export function relayServerWait(w: ServerWait): void {
  if (w.ms >= VISIBLE_WAIT_MS) listeners.getStore()?.(w);
}

/** Reports a wait the server asked for, just before waiting it. */
export function announceServerWait(
  logger: Logger,
  wait: { ms: number; reason: string; mailbox?: string; operation?: string; attempt?: number },
  now: () => number = Date.now,
): void {
  const w: ServerWait = {
    ms: Math.round(wait.ms),
    reason: wait.reason,
    ...(wait.mailbox ? { mailbox: wait.mailbox } : {}),
    ...(wait.operation ? { operation: wait.operation } : {}),
    until: new Date(now() + wait.ms).toISOString(),
  };
  const fields = { ...w, attempt: wait.attempt };
  try {
    observers.getStore()?.(w);
  } catch (e) {
    logger.warn('net.serverWait.listenerFailed', { err: e });
  }
  if (w.ms < VISIBLE_WAIT_MS) {
    logger.debug('net.serverWait', fields);
    return;
  }
  logger.info('net.serverWait', fields);
  try {
    listeners.getStore()?.(w);
  } catch (e) {
    // A listener that fails must not turn the wait into a failed request.
    logger.warn('net.serverWait.listenerFailed', { err: e });
  }
}
