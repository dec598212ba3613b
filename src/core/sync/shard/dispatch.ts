// Hands the mailboxes of an export to executors — this thread and any worker threads — with the concurrency a
// total over all of them (Exchange's allowance is per account, not per thread). Like mapOverlapped: a mailbox
// gives its slot back once its answers are read, and at most twice the concurrency is unfinished at once. A
// wait the server asks for on any thread holds back every thread's next mailbox until it ends. Results keep the
// input order; a worker lost mid-mailbox has that mailbox run again here (files are replaced atomically).
import type { Logger } from '../../log/logger.js';
import type { ServerWait } from '../../net/server-wait.js';
import type { MailboxExportResult } from '../adhoc-export-types.js';
import { Semaphore } from '../bounded-pool.js';

export interface MailboxExecutor {
  /** 'main' or 'worker-N', for logs. */
  readonly name: string;
  /** False until a worker's connector is built; a lost worker turns it false again. */
  ready: boolean;
  run(mailbox: string, release: () => void, onWait: (w: ServerWait) => void, signal?: AbortSignal): Promise<MailboxExportResult>;
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
  let done = 0;
  const onWait = (w: ServerWait) => {
    const until = Date.parse(w.until);
    if (until > holdUntil) holdUntil = until;
  };
  const held = async () => {
    while (Date.now() < holdUntil && !o.signal?.aborted)
      await new Promise((r) => setTimeout(r, Math.min(HOLD_STEP_MS, holdUntil - Date.now())));
  };
  // The ready executor holding the fewest slots; on a tie a worker, so this thread keeps time for its own work.
  const pick = (): MailboxExecutor => {
    let best = here;
    for (const e of o.executors) if (e.ready && active.get(e)! <= active.get(best)!) best = e;
    return best;
  };
  const runOn = async (e: MailboxExecutor, mailbox: string, release: () => void): Promise<MailboxExportResult> => {
    active.set(e, active.get(e)! + 1);
    let released = false;
    const give = () => {
      if (released) return;
      released = true;
      active.set(e, active.get(e)! - 1);
      release();
    };
    try {
      return await e.run(mailbox, give, onWait, o.signal);
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
