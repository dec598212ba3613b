// Runs a free/busy export: one availability call for all mailboxes (the connector splits it into the server's
// limits), then one file per mailbox, written atomically. A mailbox the server could not answer for is reported
// failed with the server's reason and its previous file is left as it was (an empty file would read as "free
// all day" on a display); the others are exported.
import { join } from 'node:path';
import type { ErrorInfo } from '../../shared/errors.js';
import type { Connector } from '../connectors/connector.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { Logger } from '../log/logger.js';
import { encodeBlocks, tidyBlocks, type MailboxBlocks } from './freebusy-format.js';
import type { FreeBusyJob } from './freebusy-job.js';

export interface FreeBusyDeps {
  connector: Connector;
  logger: Logger;
  profileName: string;
  now?: () => Date;
}

export interface FreeBusyReport {
  from: string;
  to: string;
  mailboxes: Array<MailboxBlocks & { ok: boolean; file?: string; error?: ErrorInfo }>;
}

export const freeBusyFileName = (mailbox: string, format: string) =>
  `freebusy-${mailbox.toLowerCase().replace(/[^a-z0-9@._-]/g, '_')}.${format}`;

export async function runFreeBusy(job: FreeBusyJob, deps: FreeBusyDeps): Promise<FreeBusyReport> {
  const availability = deps.connector.availability?.bind(deps.connector);
  if (!availability)
    throw new CalpumpError('freebusy.notSupported', { params: { backend: deps.connector.kind, profile: deps.profileName } });
  const from = job.from.toISOString();
  const to = job.to.toISOString();
  const generatedAt = (deps.now?.() ?? new Date()).toISOString();
  const failed = new Map<string, CalpumpError>();
  const blocks = await availability(job.mailboxes, job.from, job.to, {
    onMailboxError: (mailbox, error) => failed.set(mailbox.toLowerCase(), error),
  });
  const report: FreeBusyReport = { from, to, mailboxes: [] };
  for (const mailbox of job.mailboxes) {
    const mine = blocks.filter((b) => b.mailbox.toLowerCase() === mailbox.toLowerCase());
    const entry: FreeBusyReport['mailboxes'][number] = { mailbox, from, to, generatedAt, blocks: tidyBlocks(mine, job), ok: true };
    const failure = failed.get(mailbox.toLowerCase());
    if (failure) {
      entry.ok = false;
      entry.error = failure.info();
    } else if (job.outDir) {
      const file = join(job.outDir, freeBusyFileName(mailbox, job.format));
      try {
        await writeFileAtomic(file, encodeBlocks(entry, job.format), 0o644);
        entry.file = file;
      } catch (e) {
        entry.ok = false;
        entry.error = new CalpumpError('export.writeFailed', {
          params: { file, reason: toCalpumpError(e).evidence ?? String(e) },
          cause: e,
        }).info();
      }
    }
    report.mailboxes.push(entry);
  }
  deps.logger.info('freebusy.done', {
    mailboxes: report.mailboxes.length,
    blocks: report.mailboxes.reduce((n, m) => n + m.blocks.length, 0),
  });
  return report;
}
