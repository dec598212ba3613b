// Hands the mailboxes of an export to executors — this thread and any worker threads — with the concurrency a
// total over all of them (Exchange's allowance is per account, not per thread). A mailbox gives its slot back once
// its answers are read (the next one's requests go out while its file is made durable: fsync is disk latency, not
// network work), and at most twice the concurrency is unfinished at once. Holds and lent slots as in
// throttle-lanes.ts: a wait the server asks for on any thread holds back every thread's next mailbox; a mailbox of
// this thread sleeping out a back-off lends its slot. Results keep the input order; a worker lost mid-mailbox has
// that mailbox run again here (files are replaced atomically).
import type { Logger } from '../../log/logger.js';
import type { ThrottleObserver } from '../../net/server-wait.js';
import type { MailboxExportResult } from '../adhoc-export-types.js';
import { Semaphore } from '../bounded-pool.js';
import { ThrottleLanes } from '../throttle-lanes.js';

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

export async function dispatchMailboxes(mailboxes: readonly string[], o: DispatchOptions): Promise<MailboxExportResult[]> {
  const limit = Math.max(1, o.concurrency);
  const lanes = new ThrottleLanes(limit, o.signal);
  const inFlight = new Semaphore(2 * limit);
  const active = new Map<MailboxExecutor, number>(o.executors.map((e) => [e, 0]));
  const here = o.executors[0];
  let done = 0;
  // The ready executor holding the fewest slots; on a tie a worker, so this thread keeps time for its own work.
  const pick = (): MailboxExecutor => {
    let best = here;
    for (const e of o.executors) if (e.ready && active.get(e)! <= active.get(best)!) best = e;
    return best;
  };
  const runOn = async (e: MailboxExecutor, mailbox: string, release: () => void): Promise<MailboxExportResult> => {
    active.set(e, active.get(e)! + 1);
    // Its answers are read (or it ended): the slot it holds now goes back for good.
    const give = lanes.enter(mailbox, release, (delta) => active.set(e, active.get(e)! + delta));
    try {
      return await e.run(mailbox, give, lanes.observer, o.signal);
    } finally {
      give();
    }
  };
  const one = async (mailbox: string, release: () => void): Promise<MailboxExportResult> => {
    const e = pick();
    try {
      return await runOn(e, mailbox, release);
    } catch (err) {
      if (!(err instanceof WorkerLostError)) throw err;
      o.logger.warn('export.worker.lost', { worker: err.worker, mailbox });
      return runOn(here, mailbox, await lanes.acquireNow());
    }
  };

  const running: Array<Promise<MailboxExportResult>> = [];
  for (const mailbox of mailboxes) {
    const finished = await inFlight.acquire();
    const release = await lanes.acquire();
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
