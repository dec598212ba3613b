// One mailbox of an ad-hoc export: read the window, encode, write the file (or count and sample on a dry run).
// The same code runs on the main thread and in an export worker (sync/shard/), so a mailbox's result, log lines
// and errors are the same wherever it ran. Never throws: a failure is the result's catalogue error.
import type { Connector } from '../connectors/connector.js';
import type { Logger } from '../log/logger.js';
import type { NormalisedEvent } from '../../shared/model.js';
import { toCalpumpError } from '../errors/calpump-error.js';
import { writeFolderFile } from '../export/targets/folder-file.js';
import type { AdhocExportRequest, MailboxExportResult } from './adhoc-export-types.js';
import { fieldsToRead } from './event-fields.js';

export const DRY_RUN_SAMPLE_SIZE = 5;

/** What a mailbox's export needs of the request (everything but the mailbox list, which a worker never sees whole). */
export type MailboxExportSettings = Omit<AdhocExportRequest, 'mailboxes' | 'concurrency'>;

async function countWithSample(events: AsyncIterable<NormalisedEvent>): Promise<{ items: number; sample: NormalisedEvent[] }> {
  const sample: NormalisedEvent[] = [];
  let items = 0;
  for await (const e of events) {
    if (sample.length < DRY_RUN_SAMPLE_SIZE) sample.push(e);
    items++;
  }
  return { items, sample };
}

/**
 * Exports one mailbox. `release` is called once the server's answers are read (before the file is made durable),
 * so the caller can start the next mailbox's requests meanwhile. The file's bytes are durable when this returns;
 * its rename is made durable by the run's one fsyncDir of the output folder (runAdhocExport), whichever thread
 * wrote it.
 */
export async function exportMailbox(
  req: MailboxExportSettings,
  connector: Connector,
  log: Logger,
  mailbox: string,
  release: () => void,
  signal?: AbortSignal,
): Promise<MailboxExportResult> {
  const base = { mailbox, folder: req.folder };
  let result: MailboxExportResult;
  const skipped: NonNullable<MailboxExportResult['skipped']> = [];
  try {
    const fields = fieldsToRead(req.fields, {
      format: req.format,
      filters: { private: 'include', includeBody: !!req.includeBody, includeAttendees: req.includeAttendees ?? true },
    });
    const events = connector.calendarView(mailbox, req.folder, req.from, req.to, {
      includeBody: !!req.includeBody,
      includeAttendees: req.includeAttendees ?? true,
      ...(fields ? { fields } : {}),
      onItemSkipped: (s) => void skipped.push({ item: s.itemId, error: s.error.info() }),
      ...(signal ? { signal } : {}),
    });
    if (req.dryRun) {
      result = { ...base, ok: true, ...(await countWithSample(events)) };
    } else {
      const written = await writeFolderFile(
        req.outDir,
        base,
        req.format,
        events,
        { csvKeepFormulas: req.csvKeepFormulas, ...(req.fields ? { fields: req.fields } : {}) },
        { onRead: release, deferDirSync: true },
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
  return result;
}
