// Hands the mailboxes of an export to executors — this thread and any worker threads — with the concurrency a
// total over all of them (Exchange's allowance is per account, not per thread). A mailbox gives its slot back once
// its answers are read (the next one's requests go out while its file is made durable: fsync is disk latency, not
// network work), and at most twice the concurrency is unfinished at once. A wait the server asks for on any thread
// holds back every thread's next mailbox until it ends, or until a request sent after it is answered (the account
// is served again). A mailbox of this thread sleeping out a back-off lends its slot to the next one and takes one
// again before it goes on. Results keep the input order; a worker lost mid-mailbox has that mailbox run again
// here (files are replaced atomically).
import type { Logger } from '../../log/logger.js';
import type { ServerWait, ThrottleObserver } from '../../net/server-wait.js';
import type { MailboxExportResult } from '../adhoc-export-types.js';
import { Semaphore } from '../bounded-pool.js';

export interface MailboxExecutor {
  /** 'main' or 'worker-N', for logs. */
  readonly name: string;
  /** False until a worker's connector is built; a lost worker turns it false again. */
  ready: boolean;
  /** `hold` hears the waits the server asks for, the requests answered and the back-offs slept (worker threads relay only waits). */
  run(mailbox: string, release: () => void, hold: ThrottleObserver, signal?: AbortSignal): Promise<MailboxExportResult>;
}

/** Thrown by a worker executor whose thread ended before the mailbox's result came back. */
export class WorkerLostError extends Error {
  constructor(readonly worker: string) {
    super(`export worker ${worker} ended`);
  }
}

export interface DispatchOptions {
  concurrency: number;
  /** The first is this thread: always ready, and where a lost worker's mailbox runs again. */
  executors: MailboxExecutor[];
  signal?: AbortSignal;
  logger: Logger;
  onResult?: (r: MailboxExportResult, done: number) => void;
  /** The result of a mailbox never started because the run was cancelled. */
  cancelled: (mailbox: string) => MailboxExportResult;
}

const HOLD_STEP_MS = 250;

export async function dispatchMailboxes(mailboxes: readonly string[], o: DispatchOptions): Promise<MailboxExportResult[]> {
  const limit = Math.max(1, o.concurrency);
  const slots = new Semaphore(limit);
  const inFlight = new Semaphore(2 * limit);
  const active = new Map<MailboxExecutor, number>(o.executors.map((e) => [e, 0]));
  const here = o.executors[0];
  let holdUntil = 0;
  /** When the newest wait was announced: a request sent later and answered shows the account is served again. */
  let holdFrom = 0;
  /** Ends the hold's current pause early (the hold was lifted). */
  let wake: (() => void) | undefined;
  let done = 0;
  /** The slot of each mailbox running on this thread: `release` is unset while it sleeps out a back-off. */
  const slotOf = new Map<string, { executor: MailboxExecutor; release?: () => void; given: boolean }>();
  const hold: ThrottleObserver = {
    wait(w: ServerWait) {
      const until = Date.parse(w.until);
      holdFrom = Math.max(holdFrom, until - w.ms);
      if (until > holdUntil) holdUntil = until;
    },
    // Exchange refuses every request of an account whose budget is spent (ErrorServerBusy until it recharges), so a
    // request sent after the wait began and answered means the wait was that request's own (a busy mailbox
    // database, a momentary burst): the mailbox that met it still waits what the server asked, the others go on.
    answered(sentAt: number) {
      if (holdUntil === 0 || sentAt <= holdFrom) return;
      holdUntil = 0;
      wake?.();
    },
    // A mailbox sleeping out a back-off sends nothing meanwhile: its slot goes to the next mailbox (unless a hold
    // keeps that one back), and it takes a slot again before its request goes out, so no more than the
    // concurrency ever talk to the server at once.
    paused(mailbox: string) {
      const s = slotOf.get(mailbox);
      if (!s?.release) return undefined;
      const release = s.release;
      s.release = undefined;
      active.set(s.executor, active.get(s.executor)! - 1);
      release();
      return async () => {
        const again = await slots.acquire();
        if (s.given) return again();
        s.release = again;
        active.set(s.executor, active.get(s.executor)! + 1);
      };
    },
  };
  const held = async () => {
    while (Date.now() < holdUntil && !o.signal?.aborted)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => wake?.(), Math.min(HOLD_STEP_MS, holdUntil - Date.now()));
        wake = () => {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        };
      });
  };
  // The ready executor holding the fewest slots; on a tie a worker, so this thread keeps time for its own work.
  const pick = (): MailboxExecutor => {
    let best = here;
    for (const e of o.executors) if (e.ready && active.get(e)! <= active.get(best)!) best = e;
    return best;
  };
  const runOn = async (e: MailboxExecutor, mailbox: string, release: () => void): Promise<MailboxExportResult> => {
    active.set(e, active.get(e)! + 1);
    const slot = { executor: e, release: release as (() => void) | undefined, given: false };
    // Its answers are read (or it ended): the slot it holds now goes back for good.
    const give = () => {
      if (slot.given) return;
      slot.given = true;
      if (!slot.release) return;
      active.set(e, active.get(e)! - 1);
      slot.release();
      slot.release = undefined;
    };
    slotOf.set(mailbox, slot);
    try {
      return await e.run(mailbox, give, hold, o.signal);
    } finally {
      give();
      if (slotOf.get(mailbox) === slot) slotOf.delete(mailbox);
    }
  };
  const one = async (mailbox: string, release: () => void): Promise<MailboxExportResult> => {
    const e = pick();
    try {
      return await runOn(e, mailbox, release);
    } catch (err) {
      if (!(err instanceof WorkerLostError)) throw err;
      o.logger.warn('export.worker.lost', { worker: err.worker, mailbox });
      return runOn(here, mailbox, await slots.acquire());
    }
  };

  const running: Array<Promise<MailboxExportResult>> = [];
  for (const mailbox of mailboxes) {
    const finished = await inFlight.acquire();
    const release = await slots.acquire();
    await held();
    const settled = (o.signal?.aborted ? Promise.resolve(o.cancelled(mailbox)) : one(mailbox, release))
      .then((r) => {
        o.onResult?.(r, ++done);
        return r;
      })
      .finally(() => {
        release();
        finished();
      });
    settled.catch(() => undefined); // seen by Promise.all below; not unhandled while the loop waits for a slot
    running.push(settled);
  }
  return Promise.all(running);
}
