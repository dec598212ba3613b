// Ad-hoc export (issue 2, `calpump export`): read a window of one folder for each mailbox and write one file per
// mailbox-folder. No sync state — every call reads the whole window. A mailbox that fails is reported with its
// catalogue error and the others still complete; its previous file stays as it was.
import type { Connector } from '../connectors/connector.js';
import type { Logger } from '../log/logger.js';
import type { ErrorInfo, TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';
import type { NormalisedEvent } from '../../shared/model.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import { EXPORT_FORMATS } from '../export/formats/index.js';
import { writeFolderFile } from '../export/targets/folder-file.js';
import { mapOverlapped } from './bounded-pool.js';

export interface AdhocExportRequest {
  mailboxes: string[];
  folder: string;
  from: Date;
  to: Date;
  format: 'ics' | 'json' | 'csv';
  outDir: string;
  dryRun?: boolean;
  includeBody?: boolean;
  /** Attendee lists (default true). */
  includeAttendees?: boolean;
  /** CSV: write formula-like cells as they are (default: neutralised with a leading single quote). */
  csvKeepFormulas?: boolean;
  profileName: string;
  /** Mailboxes read at once (default 8). */
  concurrency?: number;
}

export interface MailboxExportResult {
  mailbox: string;
  folder: string;
  ok: boolean;
  items: number;
  file?: string;
  error?: ErrorInfo;
  /** Dry run: the first few items, so the user sees what would be written. */
  sample?: NormalisedEvent[];
  /** Items the connector left out on purpose, each with its id and catalogue error (not taken as deleted). */
  skipped?: Array<{ item: string; error: ErrorInfo }>;
}

export interface ExportReport {
  mailboxes: MailboxExportResult[];
}

export interface ExportProgress {
  mailbox: string;
  folder: string;
  /** Mailboxes finished so far (this one included) and in total. */
  done: number;
  total: number;
  items: number;
  ok: boolean;
}

export interface AdhocExportDeps {
  connector: Connector;
  logger: Logger;
  onProgress?: (p: ExportProgress) => void;
}

export const DRY_RUN_SAMPLE_SIZE = 5;
export const DEFAULT_CONCURRENCY = 8;

function validate(req: AdhocExportRequest): void {
  const bad = (field: string, problem: TextRef) => new CalpumpError('input.invalid', { params: { field, problem } });
  if (req.mailboxes.length === 0) throw bad('mailbox', text('problem.adhoc.noMailbox'));
  if (!req.folder) throw bad('folder', text('problem.adhoc.noFolder'));
  if (Number.isNaN(req.from.getTime()) || Number.isNaN(req.to.getTime())) throw bad('window', text('problem.adhoc.badDate'));
  if (req.from.getTime() >= req.to.getTime()) throw bad('window', text('problem.adhoc.windowOrder'));
  if (!EXPORT_FORMATS.includes(req.format)) throw bad('format', text('problem.adhoc.format', { formats: EXPORT_FORMATS.join(', ') }));
  if (!req.dryRun && !req.outDir) throw bad('out', text('problem.adhoc.noOut'));
}

async function countWithSample(events: AsyncIterable<NormalisedEvent>): Promise<{ items: number; sample: NormalisedEvent[] }> {
  const sample: NormalisedEvent[] = [];
  let items = 0;
  for await (const e of events) {
    if (sample.length < DRY_RUN_SAMPLE_SIZE) sample.push(e);
    items++;
  }
  return { items, sample };
}

export async function runAdhocExport(req: AdhocExportRequest, deps: AdhocExportDeps): Promise<ExportReport> {
  validate(req);
  const { connector, logger } = deps;
  const mailboxes = [...new Set(req.mailboxes.map((m) => m.trim()).filter(Boolean))];
  const log = logger.child({ profile: req.profileName, folder: req.folder, format: req.format, dryRun: !!req.dryRun });
  log.info('export.start', { mailboxes: mailboxes.length, from: req.from.toISOString(), to: req.to.toISOString() });
  let done = 0;

  // A mailbox gives its slot back once its answers are read: the next one's requests go out while its file is
  // made durable. Its result (ok, progress, log) still waits for the file's fsync and rename.
  const concurrency = req.concurrency ?? DEFAULT_CONCURRENCY;
  const results = await mapOverlapped(mailboxes, concurrency, async (mailbox, _i, release): Promise<MailboxExportResult> => {
    const base = { mailbox, folder: req.folder };
    let result: MailboxExportResult;
    const skipped: NonNullable<MailboxExportResult['skipped']> = [];
    try {
      const events = connector.calendarView(mailbox, req.folder, req.from, req.to, {
        includeBody: !!req.includeBody,
        includeAttendees: req.includeAttendees ?? true,
        onItemSkipped: (s) => void skipped.push({ item: s.itemId, error: s.error.info() }),
      });
      if (req.dryRun) {
        result = { ...base, ok: true, ...(await countWithSample(events)) };
      } else {
        const written = await writeFolderFile(
          req.outDir,
          base,
          req.format,
          events,
          { csvKeepFormulas: req.csvKeepFormulas },
          { onRead: release },
        );
        result = { ...base, ok: true, items: written.items, file: written.file };
      }
      if (skipped.length) result.skipped = skipped;
      log.info('export.mailbox.done', { mailbox, items: result.items, skipped: skipped.length });
    } catch (e) {
      const err = toCalpumpError(e);
      log.warn('export.mailbox.failed', { mailbox, errorId: err.id, evidence: err.evidence });
      result = { ...base, ok: false, items: 0, error: err.info() };
    }
    deps.onProgress?.({ mailbox, folder: req.folder, done: ++done, total: mailboxes.length, items: result.items, ok: result.ok });
    return result;
  });

  log.info('export.finish', { ok: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length });
  return { mailboxes: results };
}
