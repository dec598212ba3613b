// How many mailboxes talk to Exchange at once, under its throttling — shared by the ad-hoc export's dispatcher
// (shard/dispatch.ts) and the job pump (run-job.ts):
// - at most `limit` mailboxes hold a slot;
// - a wait the server asks for (ErrorServerBusy's BackOffMilliseconds, a Retry-After) holds back every next
//   mailbox until it ends, or until a request sent after it began is answered: Exchange refuses every request of
//   an account whose budget is spent until it recharges, so an answer means the wait was that request's own (a busy
//   mailbox database, a momentary burst);
// - a mailbox sleeping out a back-off (the server's or Calpump's own) sends nothing meanwhile: it lends its slot to
//   the next mailbox (unless a hold keeps that one back) and takes a slot again before its request goes out.
// The connector's transports tell it all through a ServerWaits channel (withThrottleObserver(..., lanes.observer)).
import type { ServerWait, ThrottleObserver } from '../net/server-wait.js';
import { Semaphore } from './bounded-pool.js';

/** How often a hold looks at the run's abort signal. */
const HOLD_STEP_MS = 250;

interface Lane {
  /** The slot the mailbox holds now; unset while it sleeps out a back-off or once it gave it back for good. */
  release?: () => void;
  given: boolean;
  onSlot?: (delta: -1 | 1) => void;
}

export class ThrottleLanes {
  private readonly slots: Semaphore;
  private holdUntil = 0;
  /** When the newest wait was announced: a request sent later and answered shows the account is served again. */
  private holdFrom = 0;
  /** Each caller waiting out the hold: called when the hold is lifted (or its own step ends). */
  private readonly waiting = new Set<() => void>();
  private readonly lanes = new Map<string, Lane>();
  /** Give this to withThrottleObserver around each mailbox's work on the connector's channel. */
  readonly observer: ThrottleObserver;

  constructor(
    limit: number,
    private readonly signal?: AbortSignal,
  ) {
    this.slots = new Semaphore(Math.max(1, limit));
    this.observer = { wait: (w) => this.wait(w), answered: (t) => this.answered(t), paused: (m) => this.paused(m) };
  }

  /** A slot for the next mailbox, once no hold keeps it back (or the run is cancelled). */
  async acquire(): Promise<() => void> {
    const release = await this.slots.acquire();
    await this.held();
    return release;
  }

  /** A slot without waiting out a hold: for a mailbox started already whose thread was lost. */
  acquireNow(): Promise<() => void> {
    return this.slots.acquire();
  }

  /**
   * Registers a started mailbox and its slot for lending. Returns give(): the slot the mailbox holds now goes back
   * for good (its answers are read, or it ended); call it at the latest when the mailbox ends. `onSlot` hears the
   * mailbox give (-1) or take (+1) a slot after this call.
   */
  enter(mailbox: string, release: () => void, onSlot?: (delta: -1 | 1) => void): () => void {
    const lane: Lane = { release, given: false, onSlot };
    this.lanes.set(mailbox, lane);
    return () => {
      if (lane.given) return;
      lane.given = true;
      if (this.lanes.get(mailbox) === lane) this.lanes.delete(mailbox);
      const held = lane.release;
      if (!held) return;
      lane.release = undefined;
      onSlot?.(-1);
      held();
    };
  }

  private wait(w: ServerWait): void {
    const until = Date.parse(w.until);
    this.holdFrom = Math.max(this.holdFrom, until - w.ms);
    if (until > this.holdUntil) this.holdUntil = until;
  }

  private answered(sentAt: number): void {
    if (this.holdUntil === 0 || sentAt <= this.holdFrom) return;
    this.holdUntil = 0;
    for (const wake of [...this.waiting]) wake();
  }

  private paused(mailbox: string): (() => Promise<void>) | undefined {
    const lane = this.lanes.get(mailbox);
    const held = lane?.release;
    if (!lane || !held) return undefined;
    lane.release = undefined;
    lane.onSlot?.(-1);
    held();
    return async () => {
      const again = await this.slots.acquire();
      if (lane.given) return again();
      lane.release = again;
      lane.onSlot?.(1);
    };
  }

  private async held(): Promise<void> {
    while (Date.now() < this.holdUntil && !this.signal?.aborted)
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiting.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(HOLD_STEP_MS, this.holdUntil - Date.now()));
        this.waiting.add(wake);
      });
  }
}

/**
 * Runs fn for each mailbox with at most the lanes' limit at once (a slot held from start to end, lent while the
 * mailbox sleeps out a back-off). Results keep the input order; fn should not throw.
 */
export async function mapLanes<R>(mailboxes: readonly string[], lanes: ThrottleLanes, fn: (mailbox: string) => Promise<R>): Promise<R[]> {
  const running: Array<Promise<R>> = [];
  for (const mailbox of mailboxes) {
    const give = lanes.enter(mailbox, await lanes.acquire());
    const settled = fn(mailbox).finally(give);
    settled.catch(() => undefined); // seen by Promise.all below; not unhandled while the loop waits for a slot
    running.push(settled);
  }
  return Promise.all(running);
}
