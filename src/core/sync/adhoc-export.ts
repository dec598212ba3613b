// Ad-hoc export (issue 2, `calpump export`): read a window of one folder for each mailbox and write one file per
// mailbox-folder. No sync state — every call reads the whole window. A mailbox that fails is reported with its
// catalogue error and the others still complete; its previous file stays as it was. With a shard source, whole
// mailboxes may run on worker threads (sync/shard/), the concurrency still a total over all threads.
import type { TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { EXPORT_FORMATS } from '../export/formats/index.js';
import type { AdhocExportDeps, AdhocExportRequest, ExportReport, MailboxExportResult } from './adhoc-export-types.js';
import { exportMailbox, type MailboxExportSettings } from './mailbox-export.js';
import { dispatchMailboxes, type MailboxExecutor } from './shard/dispatch.js';
import { startExportWorkers } from './shard/worker-pool.js';
import { exportWorkerCount } from './shard/worker-count.js';
import { withThrottleObserver } from '../net/server-wait.js';
import { fsyncDir } from '../fs/atomic-write.js';
import { omit } from '../../shared/omit.js';
import { EVENT_FIELD_LIST, isEventField } from '../../shared/event-fields.js';

export type {
  AdhocExportDeps,
  AdhocExportRequest,
  ExportProgress,
  ExportReport,
  ExportShardSource,
  MailboxExportResult,
} from './adhoc-export-types.js';
export { DRY_RUN_SAMPLE_SIZE } from './mailbox-export.js';
export const DEFAULT_CONCURRENCY = 8;

function validate(req: AdhocExportRequest): void {
  const bad = (field: string, problem: TextRef) => new CalpumpError('input.invalid', { params: { field, problem } });
  if (req.mailboxes.length === 0) throw bad('mailbox', text('problem.adhoc.noMailbox'));
  if (!req.folder) throw bad('folder', text('problem.adhoc.noFolder'));
  if (Number.isNaN(req.from.getTime()) || Number.isNaN(req.to.getTime())) throw bad('window', text('problem.adhoc.badDate'));
  if (req.from.getTime() >= req.to.getTime()) throw bad('window', text('problem.adhoc.windowOrder'));
  if (!EXPORT_FORMATS.includes(req.format)) throw bad('format', text('problem.adhoc.format', { formats: EXPORT_FORMATS.join(', ') }));
  if (!req.dryRun && !req.outDir) throw bad('out', text('problem.adhoc.noOut'));
  const unknown = req.fields?.find((f) => !isEventField(f));
  if (unknown !== undefined) throw new CalpumpError('export.fields.unknown', { params: { name: unknown, allowed: EVENT_FIELD_LIST } });
  if (req.fields?.length === 0) throw bad('fields', text('problem.fields.empty'));
}

/**
 * One folder fsync for the run instead of one per file. Each file was fsynced before its rename (mailbox-export.ts),
 * so until this sync a crash leaves every file old or new, never partial; a rename is durable once the folder is
 * synced, and only then does the run report its files as written. A failed sync fails every mailbox that wrote one.
 */
async function renamesMadeDurable(req: AdhocExportRequest, results: MailboxExportResult[]): Promise<MailboxExportResult[]> {
  if (req.dryRun || !results.some((r) => r.file)) return results;
  try {
    await fsyncDir(req.outDir);
    return results;
  } catch (e) {
    const err = new CalpumpError('export.writeFailed', {
      params: { file: req.outDir, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
      evidence: (e as Error).message,
      cause: e,
    });
    return results.map((r) => (r.file ? { mailbox: r.mailbox, folder: r.folder, ok: false, items: 0, error: err.info() } : r));
  }
}

export async function runAdhocExport(req: AdhocExportRequest, deps: AdhocExportDeps): Promise<ExportReport> {
  validate(req);
  const { connector, logger } = deps;
  const mailboxes = [...new Set(req.mailboxes.map((m) => m.trim()).filter(Boolean))];
  const log = logger.child({ profile: req.profileName, folder: req.folder, format: req.format, dryRun: !!req.dryRun });
  log.info('export.start', { mailboxes: mailboxes.length, from: req.from.toISOString(), to: req.to.toISOString() });
  const settings: MailboxExportSettings = omit(req, 'mailboxes', 'concurrency');
  const concurrency = req.concurrency ?? DEFAULT_CONCURRENCY;

  // This thread is always one of the executors; worker threads join as they come up (their start-up overlaps
  // this thread's first mailboxes). Graph stays on this thread: one token and one discovery per process.
  const here: MailboxExecutor = {
    name: 'main',
    ready: true,
    // EWS throttles per account, so a wait holds back every mailbox's start; Graph throttles per mailbox.
    run: (mailbox, release, hold, signal) =>
      connector.kind === 'ews'
        ? withThrottleObserver(connector.serverWaits, hold, () => exportMailbox(settings, connector, log, mailbox, release, signal))
        : exportMailbox(settings, connector, log, mailbox, release, signal),
  };
  const shard = deps.shard;
  const workerCount =
    shard && shard.profile.kind === 'ews' && mailboxes.length > 1
      ? Math.min(shard.workers ?? exportWorkerCount(shard.env ?? process.env), mailboxes.length - 1)
      : 0;
  const pool = workerCount > 0 && shard ? startExportWorkers(workerCount, shard, settings, logger, connector.serverWaits) : undefined;
  try {
    const dispatched = await dispatchMailboxes(mailboxes, {
      concurrency,
      executors: [here, ...(pool?.executors ?? [])],
      signal: deps.signal,
      logger: log,
      onResult: (r, done) =>
        deps.onProgress?.({ mailbox: r.mailbox, folder: req.folder, done, total: mailboxes.length, items: r.items, ok: r.ok }),
      cancelled: (mailbox) => ({ mailbox, folder: req.folder, ok: false, items: 0, error: new CalpumpError('rpc.cancelled').info() }),
    });
    const results = await renamesMadeDurable(req, dispatched);
    log.info('export.finish', {
      ok: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
      ...(pool ? { workers: pool.executors.length } : {}),
    });
    return { mailboxes: results };
  } finally {
    await pool?.close();
  }
}
