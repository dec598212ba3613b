// A stored job of type 'presence' run by the scheduler, `calpump jobs run` or the UI job service: the job's
// mailboxes (list, search or all rooms) are read around now, the saved rule table named in the job is applied,
// and each mailbox gets `<mailbox>.json` in the folder target, written atomically so a door sign polling the
// feed never reads half a file. A mailbox that fails keeps its last good file (a throttled run must not blank
// every display; `computedAt` tells a consumer how fresh it is) and is in the run record; the others are written.
import { join } from 'node:path';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { planMailboxes } from '../sync/mailbox-plan.js';
import { runTyped } from '../sync/typed-run.js';
import type { JobRunResult, RunJobDeps, RunJobOptions } from '../sync/run-job.js';
import { presenceJobOptionsSchema, type Job } from '../../shared/job.js';
import type { PresenceSpan } from './presence-engine.js';
import { DEFAULT_RULE_TABLE, type PresenceTable } from './presence-rules.js';
import { runPresence } from './run-presence.js';
import { requireTarget } from '../sync/job-output.js';

export type PresenceJobRunDeps = Pick<RunJobDeps, 'connector' | 'logger' | 'now' | 'onEvent' | 'newRunId'> & {
  /** A saved rule table by name (PresenceRuleStore.get); absent = only "default", the built-in table. */
  presenceTable?: (name: string) => Promise<PresenceTable>;
};

/** What `/feeds/<job>/<mailbox>.json` serves for a presence job. */
export interface PresenceDocument {
  mailbox: string;
  computedAt: string;
  table: string;
  /** The status now and when it ends (= current.status / current.end), for displays that need nothing else. */
  status: string;
  until: string;
  current: PresenceSpan;
  upcoming: PresenceSpan[];
}

/** `<mailbox>.json`, lower case, safe on Windows and Linux (the feed server looks the file up the same way). */
export function presenceDocumentName(mailbox: string): string {
  const m = mailbox.trim().toLowerCase().replace(/[^a-z0-9._@+-]/g, '_').replace(/^\.+/, '_').slice(0, 100);
  return `${m}.json`;
}

export async function runPresenceJob(job: Job, deps: PresenceJobRunDeps, opts: RunJobOptions = {}): Promise<JobRunResult> {
  return runTyped(job, 'presence', deps, opts, (f) => f.upserts, async (run) => {
    const target = requireTarget(job);
    if (target.kind !== 'folder') throw new CalpumpError('input.invalid', { params: { field: 'target', problem: 'a presence job writes <mailbox>.json files: give it a folder target' } });
    const outDir = target.path;
    const options = presenceJobOptionsSchema.parse(job.presence ?? {});
    const table = await tableFor(options.table, deps);
    const mailboxes = await planMailboxes(job, deps.connector);
    run.started(mailboxes.length);
    if (opts.signal?.aborted) throw new CalpumpError('pump.cancelled', { params: { job: job.name, mailbox: mailboxes[0] ?? '' } });
    const at = run.now();
    const folder = job.folders.ids[0] ?? 'calendar';
    const results = await runPresence(
      { mailboxes, folder, table, horizonHours: options.lookaheadHours, timeZone: options.timeZone, concurrency: job.concurrency, signal: opts.signal },
      { connector: deps.connector, logger: run.log, now: () => at },
    );
    for (const r of results) {
      let error = r.error;
      let written = 0;
      if (r.ok && !run.dryRun) {
        const doc: PresenceDocument = { mailbox: r.mailbox, computedAt: at.toISOString(), table: options.table, status: r.current!.status, until: r.current!.end, current: r.current!, upcoming: r.upcoming ?? [] };
        try {
          await writeFileAtomic(join(outDir, presenceDocumentName(r.mailbox)), `${JSON.stringify(doc, null, 2)}\n`, 0o644);
          written = 1;
        } catch (e) {
          const err = toCalpumpError(e);
          run.log.warn('presence.write.failed', { mailbox: r.mailbox, errorId: err.id });
          error = err.info();
        }
      }
      run.finished({ mailbox: r.mailbox, folder, ok: !error, items: 1 + (r.upcoming?.length ?? 0), upserts: written, deletes: 0, ...(error ? { error } : {}) }, results.length, written);
    }
  });
}

async function tableFor(name: string, deps: PresenceJobRunDeps): Promise<PresenceTable> {
  if (deps.presenceTable) return deps.presenceTable(name);
  if (name.toLowerCase() === 'default') return DEFAULT_RULE_TABLE;
  throw new CalpumpError('presence.rules.notFound', { params: { name, known: 'default' } });
}
