// The dispatcher of a sharded export with scripted executors: a worker that ends mid-mailbox has that mailbox run
// again on this thread, the concurrency is a total over all threads, a server wait met on any thread holds back
// every thread's next mailbox until it ends or a request sent after it is answered, a cancelled run starts nothing
// more, and results keep the input order.
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../../src/core/log/logger.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import type { ThrottleObserver } from '../../../../src/core/net/server-wait.js';
import type { MailboxExportResult } from '../../../../src/core/sync/adhoc-export-types.js';
import { dispatchMailboxes, WorkerLostError, type MailboxExecutor } from '../../../../src/core/sync/shard/dispatch.js';

const ok = (mailbox: string, by: string): MailboxExportResult => ({ mailbox, folder: by, ok: true, items: 1 });
const cancelled = (mailbox: string): MailboxExportResult => ({ mailbox, folder: 'cancelled', ok: false, items: 0 });

interface Scripted extends MailboxExecutor {
  started: string[];
}

/** An executor whose mailboxes finish after `step` (a promise per mailbox); `fail` decides what a mailbox throws. */
function executor(
  name: string,
  step: (mailbox: string, hold: ThrottleObserver) => Promise<void> = () => Promise.resolve(),
  fail?: (mailbox: string) => Error | undefined,
): Scripted {
  const started: string[] = [];
  return {
    name,
    ready: true,
    started,
    async run(mailbox, release, hold) {
      started.push(mailbox);
      await step(mailbox, hold);
      const e = fail?.(mailbox);
      if (e) throw e;
      release();
      return ok(mailbox, name);
    },
  };
}

function recordingLogger(): Logger & { warnings: Array<[string, Record<string, unknown> | undefined]> } {
  const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
  const self = {
    ...nullLogger,
    warnings,
    warn: (event: string, fields?: Record<string, unknown>) => void warnings.push([event, fields]),
    child: () => self,
  };
  return self;
}

/** A promise settled from outside, to step mailboxes through their phases in a chosen order. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  expect(cond()).toBe(true);
};
const settle = async () => {
  for (let k = 0; k < 20; k++) await new Promise((r) => setImmediate(r));
};

/** An executor whose mailbox i reads until reads[i] opens, gives its slot back, then finishes when tails[i] opens. */
function phased(reads: Array<{ promise: Promise<void> }>, tails: Array<{ promise: Promise<void> }>, started: number[]): MailboxExecutor {
  return {
    name: 'main',
    ready: true,
    async run(mailbox, release) {
      const i = Number(mailbox.slice(1, mailbox.indexOf('@')));
      started.push(i);
      await reads[i].promise;
      release();
      await tails[i].promise;
      return ok(mailbox, 'main');
    },
  };
}

describe('dispatchMailboxes', () => {
  it('starts the next mailbox when one gives its slot back, and still waits for every tail', async () => {
    const reads = [gate(), gate(), gate()];
    const tails = [gate(), gate(), gate()];
    const started: number[] = [];
    const run = dispatchMailboxes(['m0@x', 'm1@x', 'm2@x'], {
      concurrency: 1,
      executors: [phased(reads, tails, started)],
      logger: nullLogger,
      cancelled,
    });
    await until(() => started.length === 1);
    reads[0].open();
    // Mailbox 0 gave its slot back while its tail (the file's fsync) still runs: mailbox 1 starts.
    await until(() => started.length === 2);
    expect(started).toEqual([0, 1]);
    reads[1].open();
    // Two unfinished tails are the most a concurrency of 1 allows: mailbox 2 waits for one of them.
    await settle();
    expect(started).toEqual([0, 1]);
    tails[0].open();
    await until(() => started.length === 3);
    let settled = false;
    void run.then(() => (settled = true));
    reads[2].open();
    tails[2].open();
    await settle();
    expect(settled).toBe(false);
    tails[1].open();
    expect((await run).map((r) => r.mailbox)).toEqual(['m0@x', 'm1@x', 'm2@x']);
  });

  it('holds at most `concurrency` slots and at most `concurrency` more unfinished tails', async () => {
    let slots = 0;
    let peakSlots = 0;
    let open = 0;
    let peakOpen = 0;
    const tails = Array.from({ length: 12 }, gate);
    const here: MailboxExecutor = {
      name: 'main',
      ready: true,
      async run(mailbox, release) {
        const i = Number(mailbox.slice(1, mailbox.indexOf('@')));
        open++;
        peakOpen = Math.max(peakOpen, open);
        slots++;
        peakSlots = Math.max(peakSlots, slots);
        await new Promise((r) => setImmediate(r));
        slots--;
        release();
        await tails[i].promise;
        open--;
        return ok(mailbox, 'main');
      },
    };
    const mailboxes = Array.from({ length: 12 }, (_, i) => `m${i}@x`);
    const run = dispatchMailboxes(mailboxes, { concurrency: 2, executors: [here], logger: nullLogger, cancelled });
    await until(() => open === 4);
    expect(peakSlots).toBeLessThanOrEqual(2);
    for (const t of tails) t.open();
    expect((await run).map((r) => r.mailbox)).toEqual(mailboxes);
    expect(peakOpen).toBe(4);
  });

  it('runs a mailbox again on this thread when its worker ends before answering, and keeps the order', async () => {
    const here = executor('main');
    const worker = executor('worker-1', undefined, (m) => (m === 'b@x' ? new WorkerLostError('worker-1') : undefined));
    const logger = recordingLogger();
    const results = await dispatchMailboxes(['a@x', 'b@x', 'c@x', 'd@x'], { concurrency: 2, executors: [here, worker], logger, cancelled });
    expect(results.map((r) => r.mailbox)).toEqual(['a@x', 'b@x', 'c@x', 'd@x']);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(worker.started).toContain('b@x');
    expect(results[1].folder).toBe('main');
    expect(here.started).toContain('b@x');
    expect(logger.warnings).toEqual([['export.worker.lost', { worker: 'worker-1', mailbox: 'b@x' }]]);
  });

  it('lets any other error end the run', async () => {
    const here = executor('main', undefined, (m) => (m === 'b@x' ? new Error('disk full') : undefined));
    await expect(dispatchMailboxes(['a@x', 'b@x'], { concurrency: 1, executors: [here], logger: nullLogger, cancelled })).rejects.toThrow(
      'disk full',
    );
  });

  it('never runs more mailboxes at once than the concurrency, over all threads together', async () => {
    let running = 0;
    let most = 0;
    const step = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      running--;
    };
    const executors = [executor('main', step), executor('worker-1', step), executor('worker-2', step)];
    const list = Array.from({ length: 30 }, (_, i) => `m${i}@x`);
    const results = await dispatchMailboxes(list, { concurrency: 4, executors, logger: nullLogger, cancelled });
    expect(results.map((r) => r.mailbox)).toEqual(list);
    expect(most).toBe(4);
    // Workers are preferred on a tie, and every thread gets work.
    expect(executors.every((e) => e.started.length > 0)).toBe(true);
  });

  it('holds back the next mailboxes on every thread while a server wait runs', async () => {
    const startedAt = new Map<string, number>();
    let waitEnds = 0;
    const step = async (mailbox: string, hold: ThrottleObserver) => {
      startedAt.set(mailbox, Date.now());
      if (mailbox === 'a@x') {
        waitEnds = Date.now() + 400;
        hold.wait({ ms: 400, reason: 'ErrorServerBusy', mailbox, operation: 'FindItem', until: new Date(waitEnds).toISOString() });
      }
    };
    const executors = [executor('main', step), executor('worker-1', step)];
    await dispatchMailboxes(['a@x', 'b@x', 'c@x'], { concurrency: 1, executors, logger: nullLogger, cancelled });
    // With one slot, b and c start after a; both must wait for the server's time to pass, on whichever thread.
    expect(startedAt.get('b@x')!).toBeGreaterThanOrEqual(waitEnds);
    expect(startedAt.get('c@x')!).toBeGreaterThanOrEqual(waitEnds);
  });

  /** a meets a wait of `ms` while b runs; b then reports a request answered, sent `sentAfterWait` ms after the wait began. */
  async function holdWithAnswer(ms: number, sentAfterWait: number) {
    const startedAt = new Map<string, number>();
    let waitBegan = 0;
    let announced!: () => void;
    const waitMet = new Promise<void>((r) => (announced = r));
    let bRuns!: () => void;
    const bRunning = new Promise<void>((r) => (bRuns = r));
    const step = async (mailbox: string, hold: ThrottleObserver) => {
      startedAt.set(mailbox, Date.now());
      if (mailbox === 'a@x') {
        await bRunning;
        waitBegan = Date.now();
        hold.wait({ ms, reason: 'ErrorServerBusy', mailbox, operation: 'FindItem', until: new Date(waitBegan + ms).toISOString() });
        announced();
      } else if (mailbox === 'b@x') {
        bRuns();
        await waitMet;
        hold.answered!(waitBegan + sentAfterWait);
      }
    };
    const here = executor('main', step);
    await dispatchMailboxes(['a@x', 'b@x', 'c@x'], { concurrency: 2, executors: [here], logger: nullLogger, cancelled });
    return { cStarted: startedAt.get('c@x')!, waitEnds: waitBegan + ms };
  }

  it('lifts the hold when a request sent after the wait began is answered: the account is served again', async () => {
    // Held for the whole minute, the run would outlast the test's time limit.
    const { cStarted, waitEnds } = await holdWithAnswer(60_000, 5);
    expect(cStarted).toBeLessThan(waitEnds);
  });

  it('keeps the hold when the answered request was sent before the wait began', async () => {
    const { cStarted, waitEnds } = await holdWithAnswer(400, -5);
    expect(cStarted).toBeGreaterThanOrEqual(waitEnds);
  });

  it('lends the slot of a mailbox sleeping out a back-off to the next one, which it must give back first', async () => {
    const events: string[] = [];
    let bStarted!: () => void;
    const bRunning = new Promise<void>((r) => (bStarted = r));
    let finishB!: () => void;
    const bMayFinish = new Promise<void>((r) => (finishB = r));
    const step = async (mailbox: string, hold: ThrottleObserver) => {
      events.push(`start ${mailbox}`);
      if (mailbox === 'a@x') {
        const resume = hold.paused!('a@x');
        // With one slot, b can only start on the slot a lent while it sleeps.
        await bRunning;
        const resumed = resume!().then(() => events.push('a goes on'));
        finishB();
        await resumed;
      } else if (mailbox === 'b@x') {
        // A request for a mailbox this run does not hold a slot for (another caller on the connector) lends nothing.
        if (hold.paused!('stranger@x') !== undefined) events.push('a stranger lent a slot');
        bStarted();
        await bMayFinish;
        events.push('b gives its slot back');
      }
    };
    const here = executor('main', step);
    const results = await dispatchMailboxes(['a@x', 'b@x'], { concurrency: 1, executors: [here], logger: nullLogger, cancelled });
    expect(events).toEqual(['start a@x', 'start b@x', 'b gives its slot back', 'a goes on']);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
  });

  it('starts nothing more once the run is cancelled, and reports the rest as cancelled', async () => {
    const abort = new AbortController();
    const here = executor('main', async (m) => {
      if (m === 'b@x') abort.abort();
    });
    const results = await dispatchMailboxes(['a@x', 'b@x', 'c@x', 'd@x'], {
      concurrency: 1,
      executors: [here],
      signal: abort.signal,
      logger: nullLogger,
      cancelled,
    });
    expect(here.started).toEqual(['a@x', 'b@x']);
    expect(results.map((r) => r.folder)).toEqual(['main', 'main', 'cancelled', 'cancelled']);
  });
});
