// Which file of a job's output each feed of `calpump serve` serves (GET /feeds/<job>/<mailbox>.<ext>), and the
// feeds a finished run published: one per mailbox whose feed file is among the run's outputs. The path is
// relative to serve's origin and carries no token (a display is given the token separately).
import { basename, dirname, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { formatExtension, outputFileName } from '../export/targets/file-name.js';
import { freeBusyFileName } from '../freebusy/run-freebusy.js';
import { presenceDocumentName } from '../presence/presence-document.js';
import { jobTypeOf, targetOf, type Job, type RunFeed, type RunOutput } from '../../shared/job.js';

export const FEEDS_PREFIX = '/feeds/';

/** The file extension a job's feed serves; undefined when it has none (only folder-target export, free/busy and presence jobs do). */
export function feedFormat(job: Job): string | undefined {
  const target = targetOf(job);
  if (target?.kind !== 'folder') return undefined;
  return jobTypeOf(job) === 'presence' ? 'json' : formatExtension(job.format);
}

/** The file in the job's target folder that the feed for `mailbox` serves. */
export function feedFileName(job: Job, mailbox: string, ext: string): string {
  const type = jobTypeOf(job);
  if (type === 'presence') return presenceDocumentName(mailbox);
  if (type === 'freebusy') return freeBusyFileName(mailbox, ext);
  return outputFileName(mailbox, job.folders.ids[0] ?? 'calendar', ext);
}

export function feedPath(job: Pick<Job, 'name'>, mailbox: string, ext: string): string {
  return `${FEEDS_PREFIX}${encodeURIComponent(job.name)}/${encodeURIComponent(mailbox)}.${ext}`;
}

/** The feeds a run's outputs back. */
export function feedsOf(job: Job, outputs: readonly RunOutput[]): RunFeed[] {
  const ext = feedFormat(job);
  const target = targetOf(job);
  if (!ext || target?.kind !== 'folder') return [];
  const dir = resolve(target.path);
  return outputs.flatMap((o) =>
    o.mailbox && dirname(o.path) === dir && basename(o.path) === feedFileName(job, o.mailbox, ext)
      ? [{ mailbox: o.mailbox, path: feedPath(job, o.mailbox, ext) }]
      : [],
  );
}

/** A file the run's output is in, with its absolute path and size now (undefined when it is not there). */
export async function fileOutput(path: string, mailbox?: string): Promise<RunOutput | undefined> {
  const s = await stat(path).catch(() => undefined);
  if (!s?.isFile()) return undefined;
  return { path: resolve(path), bytes: s.size, ...(mailbox ? { mailbox } : {}) };
}
