// The main thread's side of the export workers: starts them (each builds its own connector while this thread
// already exports), answers their secret look-ups from the host's store (only this profile's keys), writes their
// log records through the host's logger, relays their server waits, and turns each into a MailboxExecutor. A
// worker that cannot start, or ends, is simply no longer used; its unfinished mailbox runs again on this thread.
import type { Worker } from 'node:worker_threads';
import { registerSecret, type Logger } from '../../log/logger.js';
import { LEVEL_RANK } from '../../log/sinks.js';
import { toRecordLevel } from '../../log/create-logger.js';
import type { ServerWaits, ThrottleObserver } from '../../net/server-wait.js';
import type { ExportShardSource, MailboxExportResult } from '../adhoc-export-types.js';
import type { MailboxExportSettings } from '../mailbox-export.js';
import { WorkerLostError, type MailboxExecutor } from './dispatch.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { spawnExportWorker } from './worker-entry.js';

export interface ExportWorkerPool {
  executors: MailboxExecutor[];
  /** Ends every worker (their connectors closed); never throws. */
  close(): Promise<void>;
}

type WorkerExecutor = MailboxExecutor & { close(): Promise<void> };

const CLOSE_WAIT_MS = 10_000;

interface Pending {
  resolve: (r: MailboxExportResult) => void;
  reject: (e: Error) => void;
  release: () => void;
}

async function answerSecret(source: ExportShardSource, m: Extract<FromWorker, { type: 'secret' }>): Promise<ToWorker> {
  const own = `profile:${source.profile.id}:`;
  const mine = m.key?.startsWith(own) ?? false;
  try {
    if (m.op === 'keys') return { type: 'secret', rid: m.rid, keys: (await source.secrets.keys()).filter((k) => k.startsWith(own)) };
    if (!mine) return { type: 'secret', rid: m.rid };
    if (m.op === 'get') return { type: 'secret', rid: m.rid, value: await source.secrets.get(m.key!) };
    if (m.op === 'set') await source.secrets.set(m.key!, m.value ?? '');
    else await source.secrets.delete(m.key!);
    return { type: 'secret', rid: m.rid };
  } catch (e) {
    return { type: 'secret', rid: m.rid, error: e instanceof Error ? e.message : String(e) };
  }
}

function startOne(
  n: number,
  source: ExportShardSource,
  settings: MailboxExportSettings,
  logger: Logger,
  waits: ServerWaits | undefined,
): WorkerExecutor {
  const name = `worker-${n}`;
  const started = Date.now();
  const pending = new Map<number, Pending>();
  /** Messages sent before the thread exists (it is started asynchronously), delivered once it does. */
  const queued: ToWorker[] = [];
  let worker: Worker | undefined;
  let nextId = 0;
  /** The dispatcher's hold: a wait this worker meets holds back every thread's next mailbox. */
  let hold: ThrottleObserver | undefined;
  let ended = false;
  let closing = false;
  /** One abort listener per signal, not one per mailbox. */
  const watched = new WeakSet<AbortSignal>();
  const send = (m: ToWorker) => {
    if (ended) return;
    if (worker) worker.postMessage(m);
    else queued.push(m);
  };
  const lose = (event: string, why: Record<string, unknown>) => {
    if (ended) return;
    ended = true;
    executor.ready = false;
    if (!closing || pending.size) logger.warn(event, { worker: name, ...why });
    for (const p of pending.values()) p.reject(new WorkerLostError(name));
    pending.clear();
  };
  const onMessage = (m: FromWorker) => {
    switch (m.type) {
      case 'ready':
        executor.ready = !ended;
        logger.debug('export.worker.ready', { worker: name, ms: Date.now() - started, cpuMs: m.cpuMs });
        return;
      case 'startFailed':
        logger.warn('export.worker.startFailed', { worker: name, errorId: m.error.id, evidence: m.error.evidence });
        return void worker?.terminate();
      case 'released':
        return pending.get(m.id)?.release();
      case 'result': {
        const p = pending.get(m.id);
        pending.delete(m.id);
        return p?.resolve(m.result);
      }
      case 'log':
        return logger[m.level](m.event, { ...m.fields, thread: name });
      case 'registerSecret':
        return registerSecret(logger, m.value);
      case 'wait':
        hold?.wait(m.wait);
        // The listeners of this thread's connector (the CLI's line, a job's stream) hear it as if met here.
        return waits?.relay(m.wait);
      case 'secret':
        return void answerSecret(source, m).then(send);
      case 'closed':
        return logger.debug('export.worker.closed', { worker: name, cpuMs: m.cpuMs, mailboxes: m.mailboxes });
    }
  };
  const exited = spawnExportWorker({
    profile: source.profile,
    settings,
    env: { ...(source.env ?? process.env) },
    fetchTimeoutMs: source.fetchTimeoutMs,
    cacheDir: source.cacheDir,
    logRank: LEVEL_RANK[toRecordLevel(source.logLevel ?? 'info')],
    name,
  }).then(
    (w) => {
      if (!w) return lose('export.worker.unavailable', {});
      worker = w;
      const gone = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.on('message', onMessage);
      w.on('error', (e) => lose('export.worker.ended', { err: e }));
      w.on('exit', (code) => lose('export.worker.ended', { code }));
      for (const m of queued.splice(0)) w.postMessage(m);
      return gone;
    },
    (e: unknown) => lose('export.worker.startFailed', { err: e }),
  );

  const executor: WorkerExecutor = {
    name,
    ready: false,
    run: (mailbox, release, dispatcherHold, signal) =>
      new Promise<MailboxExportResult>((resolve, reject) => {
        if (ended) return reject(new WorkerLostError(name));
        const id = ++nextId;
        hold = dispatcherHold;
        pending.set(id, { resolve, reject, release });
        if (signal && !watched.has(signal)) {
          watched.add(signal);
          signal.addEventListener('abort', () => send({ type: 'abort' }), { once: true });
        }
        send({ type: 'mailbox', id, mailbox });
      }),
    close: async () => {
      closing = true;
      send({ type: 'close' });
      const timer = setTimeout(() => void worker?.terminate(), CLOSE_WAIT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  return executor;
}

export function startExportWorkers(
  count: number,
  source: ExportShardSource,
  settings: MailboxExportSettings,
  logger: Logger,
  /** The wait channel of this thread's connector: waits met on a worker are relayed to its listeners. */
  waits?: ServerWaits,
): ExportWorkerPool {
  const all = Array.from({ length: count }, (_, i) => startOne(i + 1, source, settings, logger, waits));
  return {
    executors: all,
    close: async () => {
      await Promise.all(all.map((e) => e.close()));
    },
  };
}
