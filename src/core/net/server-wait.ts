// Waits a server asks for (ErrorServerBusy's BackOffMilliseconds, Retry-After on 429/503) are made visible: a
// wait longer than a few seconds is logged at info and announced to whoever runs the work — a job's progress
// stream, the CLI's progress line — so a job that waits minutes never looks hung.
// The announcement travels on an explicit channel: each connector (and writer) owns one ServerWaits, hands it to
// every transport it builds, and whoever runs work on it listens there for as long as the work runs. (An
// AsyncLocalStorage did this before; in Node 20 it turns on a promise hook for every promise in the process,
// ≈ 4 % of an export's CPU.)
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

/** What a connector or writer exposes: where its transports announce the waits they meet. */
export interface HasServerWaits {
  readonly serverWaits?: ServerWaits;
}

/** Told that a request sent at `sentAt` (ms since the epoch) was answered. */
export type AnswerListener = (sentAt: number) => void;

/**
 * Told that a request of `mailbox` is about to sleep out a back-off (the server's or Calpump's own); may return
 * what the request awaits after its sleep before it goes out again (a slot given back to the next mailbox
 * meanwhile, taken again).
 */
export type PauseListener = (mailbox: string) => (() => Promise<void>) | undefined;

/** What an export's hold hears of a channel: every wait, however short, the requests answered, the pauses. */
export interface ThrottleObserver {
  wait: ServerWaitListener;
  answered?: AnswerListener;
  paused?: PauseListener;
}

/**
 * Adds f to list; the returned function removes this entry. The same function may be added more than once (each
 * mailbox of an export adds the run's hold while it runs) and stays until every addition is removed.
 */
function addTo<F>(list: Array<{ f: F }>, f: F): () => void {
  const entry = { f };
  list.push(entry);
  return () => {
    const i = list.indexOf(entry);
    if (i >= 0) list.splice(i, 1);
  };
}

/** The functions of a list, each once however often it was added: a wait is told once to each. */
function distinct<F>(list: ReadonlyArray<{ f: F }>): F[] {
  return [...new Set(list.map((l) => l.f))];
}

/** The wait channel of one connector or writer: its transports announce, the work's runners listen. */
export class ServerWaits {
  private readonly listeners: Array<{ f: ServerWaitListener }> = [];
  private readonly observers: Array<{ f: ServerWaitListener }> = [];
  private readonly answerObservers: Array<{ f: AnswerListener }> = [];
  private readonly pauseObservers: Array<{ f: PauseListener }> = [];

  /** Hears the visible waits (VISIBLE_WAIT_MS and longer) until the returned function is called. */
  listen(listener: ServerWaitListener): () => void {
    return addTo(this.listeners, listener);
  }

  /**
   * Hears every wait, however short, until the returned function is called — how an export lets a throttling
   * answer met by one mailbox (or on another thread) hold back the next mailboxes.
   */
  observe(observer: ServerWaitListener): () => void {
    return addTo(this.observers, observer);
  }

  /**
   * Hears every request answered on this channel until the returned function is called: an answer to a request
   * sent after a wait was announced shows the account is not blocked (see dispatch.ts).
   */
  observeAnswers(observer: AnswerListener): () => void {
    return addTo(this.answerObservers, observer);
  }

  /** Reports a request answered (sent at `sentAt`); costs nothing while nobody observes answers. */
  answered(sentAt: number): void {
    if (this.answerObservers.length === 0) return;
    for (const f of distinct(this.answerObservers)) f(sentAt);
  }

  /** Hears every request that pauses for a back-off until the returned function is called. */
  observePauses(observer: PauseListener): () => void {
    return addTo(this.pauseObservers, observer);
  }

  /**
   * Sleeps out a back-off of a request of `mailbox` with `sleep`, then awaits what the pause observers ask for
   * before the request goes out again.
   */
  async pause(mailbox: string | undefined, ms: number, sleep: (ms: number) => Promise<void>): Promise<void> {
    const resumes = mailbox === undefined ? [] : distinct(this.pauseObservers).map((f) => f(mailbox));
    await sleep(ms);
    for (const resume of resumes) await resume?.();
  }

  /** Hands a wait announced on another thread (already logged there) to the listeners, if it is visible. */
  relay(w: ServerWait): void {
    if (w.ms >= VISIBLE_WAIT_MS) for (const f of distinct(this.listeners)) f(w);
  }

  /** Reports a wait the server asked for, just before waiting it. */
  announce(
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
    // A listener that fails must not turn the wait into a failed request.
    const tell = (list: Array<{ f: ServerWaitListener }>) => {
      for (const f of distinct(list))
        try {
          f(w);
        } catch (e) {
          logger.warn('net.serverWait.listenerFailed', { err: e });
        }
    };
    tell(this.observers);
    if (w.ms < VISIBLE_WAIT_MS) {
      logger.debug('net.serverWait', fields);
      return;
    }
    logger.info('net.serverWait', fields);
    tell(this.listeners);
  }
}

/** Runs fn with a listener on each given channel (absent ones skipped) for as long as fn runs. */
export async function withServerWaitListener<T>(
  channels: ReadonlyArray<ServerWaits | undefined>,
  listener: ServerWaitListener,
  fn: () => Promise<T>,
): Promise<T> {
  const stops = channels.map((c) => c?.listen(listener));
  try {
    return await fn();
  } finally {
    for (const s of stops) s?.();
  }
}

/** Runs fn with an observer of every wait, answer and pause on the channel (none: fn alone) for as long as fn runs. */
export async function withThrottleObserver<T>(
  channel: ServerWaits | undefined,
  observer: ThrottleObserver,
  fn: () => Promise<T>,
): Promise<T> {
  const stops = channel
    ? [
        channel.observe(observer.wait),
        observer.answered && channel.observeAnswers(observer.answered),
        observer.paused && channel.observePauses(observer.paused),
      ]
    : [];
  try {
    return await fn();
  } finally {
    for (const stop of stops) stop?.();
  }
}
