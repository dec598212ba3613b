// The dispatcher of a sharded export with scripted executors: a worker that ends mid-mailbox has that mailbox run
// again on this thread, the concurrency is a total over all threads, a server wait met on any thread holds back
// every thread's next mailbox, a cancelled run starts nothing more, and results keep the input order.
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../../src/core/log/logger.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import type { ServerWait } from '../../../../src/core/net/server-wait.js';
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
  step: (mailbox: string, onWait: (w: ServerWait) => void) => Promise<void> = () => Promise.resolve(),
  fail?: (mailbox: string) => Error | undefined,
): Scripted {
  const started: string[] = [];
  return {
    name,
    ready: true,
    started,
    async run(mailbox, release, onWait) {
      started.push(mailbox);
      await step(mailbox, onWait);
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

describe('dispatchMailboxes', () => {
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
    const step = async (mailbox: string, onWait: (w: ServerWait) => void) => {
      startedAt.set(mailbox, Date.now());
      if (mailbox === 'a@x') {
        waitEnds = Date.now() + 400;
        onWait({ ms: 400, reason: 'ErrorServerBusy', mailbox, operation: 'FindItem', until: new Date(waitEnds).toISOString() });
      }
    };
    const executors = [executor('main', step), executor('worker-1', step)];
    await dispatchMailboxes(['a@x', 'b@x', 'c@x'], { concurrency: 1, executors, logger: nullLogger, cancelled });
    // With one slot, b and c start after a; both must wait for the server's time to pass, on whichever thread.
    expect(startedAt.get('b@x')!).toBeGreaterThanOrEqual(waitEnds);
    expect(startedAt.get('c@x')!).toBeGreaterThanOrEqual(waitEnds);
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
