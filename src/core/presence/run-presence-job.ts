// A stored job of type 'presence' run by the scheduler, `calpump jobs run` or the UI job service: the job's
// mailboxes (list, search or all rooms) are read around now, the saved rule table named in the job is applied,
// and each mailbox gets `<mailbox>.json` in the folder target, written atomically so a door sign polling the
// feed never reads half a file. A mailbox that fails keeps its last good file (a throttled run must not blank
// every display; `computedAt` tells a consumer how fresh it is) and is in the run record; the others are written.
import { CalpumpError } from '../errors/calpump-error.js';
import { planMailboxes } from '../sync/mailbox-plan.js';
import { runTyped } from '../sync/typed-run.js';
import type { JobRunResult, RunJobDeps, RunJobOptions } from '../sync/run-job.js';
import { presenceJobOptionsSchema, type Job } from '../../shared/job.js';
import { DEFAULT_RULE_TABLE, type PresenceTable } from './presence-rules.js';
import { runPresence } from './run-presence.js';
import { requireFolderTarget } from '../sync/job-output.js';

export type PresenceJobRunDeps = Pick<RunJobDeps, 'connector' | 'logger' | 'now' | 'onEvent' | 'newRunId' | 'startedAt'> & {
  /** A saved rule table by name (PresenceRuleStore.get); absent = only "default", the built-in table. */
  presenceTable?: (name: string) => Promise<PresenceTable>;
};

export { presenceDocumentName, type PresenceDocument } from './presence-document.js';

export async function runPresenceJob(job: Job, deps: PresenceJobRunDeps, opts: RunJobOptions = {}): Promise<JobRunResult> {
  return runTyped(
    job,
    'presence',
    deps,
    opts,
    (f) => f.upserts,
    async (run) => {
      const target = requireFolderTarget(job, 'problem.job.presenceFolderOnly');
      const outDir = target.path;
      const options = presenceJobOptionsSchema.parse(job.presence ?? {});
      const table = await tableFor(options.table, deps);
      const mailboxes = await planMailboxes(job, deps.connector);
      run.started(mailboxes.length);
      if (opts.signal?.aborted) throw new CalpumpError('pump.cancelled', { params: { job: job.name, mailbox: mailboxes[0] ?? '' } });
      const at = run.now();
      const folder = job.folders.ids[0] ?? 'calendar';
      const results = await runPresence(
        {
          mailboxes,
          folder,
          table,
          tableName: options.table,
          horizonHours: options.lookaheadHours,
          timeZone: options.timeZone,
          outDir: run.dryRun ? undefined : outDir,
          concurrency: job.concurrency,
          signal: opts.signal,
        },
        { connector: deps.connector, logger: run.log, now: () => at },
      );
      for (const r of results) {
        const written = r.file ? 1 : 0;
        if (r.file) await run.output(r.file, r.mailbox);
        run.finished(
          {
            mailbox: r.mailbox,
            folder,
            ok: r.ok,
            items: 1 + (r.upcoming?.length ?? 0),
            upserts: written,
            deletes: 0,
            ...(r.error ? { error: r.error } : {}),
          },
          results.length,
          written,
        );
      }
    },
  );
}

async function tableFor(name: string, deps: PresenceJobRunDeps): Promise<PresenceTable> {
  if (deps.presenceTable) return deps.presenceTable(name);
  if (name.toLowerCase() === 'default') return DEFAULT_RULE_TABLE;
  throw new CalpumpError('presence.rules.notFound', { params: { name, known: 'default' } });
}
