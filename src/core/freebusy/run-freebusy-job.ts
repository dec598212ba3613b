// A stored job of type 'freebusy' run by the scheduler, `calpump jobs run` or the UI job service: the job's
// mailboxes and window go through runFreeBusy, one file per mailbox lands atomically in the folder target, and
// the run is reported like an export run (RunRecord + progress events) so history and the tray treat it alike.
import { CalpumpError } from '../errors/calpump-error.js';
import { planMailboxes } from '../sync/mailbox-plan.js';
import type { JobRunResult, RunJobDeps, RunJobOptions } from '../sync/run-job.js';
import { jobWindow } from '../sync/window.js';
import type { Job } from '../../shared/job.js';
import { freeBusyJobSchema } from './freebusy-job.js';
import { runFreeBusy } from './run-freebusy.js';
import { runTyped } from '../sync/typed-run.js';
import { requireFolderTarget } from '../sync/job-output.js';

export type FreeBusyJobRunDeps = Pick<RunJobDeps, 'connector' | 'logger' | 'now' | 'onEvent' | 'newRunId' | 'startedAt'>;

export async function runFreeBusyJob(job: Job, deps: FreeBusyJobRunDeps, opts: RunJobOptions = {}): Promise<JobRunResult> {
  return runTyped(
    job,
    'freebusy',
    deps,
    opts,
    (f) => f.upserts,
    async (run) => {
      const target = requireFolderTarget(job, 'problem.job.freebusyFolderOnly');
      const mailboxes = await planMailboxes(job, deps.connector);
      run.started(mailboxes.length);
      if (opts.signal?.aborted) throw new CalpumpError('pump.cancelled', { params: { job: job.name, mailbox: mailboxes[0] ?? '' } });
      const window = jobWindow(run.now(), job.window);
      const fb = freeBusyJobSchema.parse({
        mailboxes,
        from: window.from,
        to: window.to,
        format: job.format,
        outDir: run.dryRun ? '' : target.path,
        ...job.freebusy,
      });
      const report = await runFreeBusy(fb, { connector: deps.connector, logger: run.log, profileName: job.profile, now: run.now });
      for (const m of report.mailboxes) {
        const items = m.blocks.length;
        if (m.file) await run.output(m.file, m.mailbox);
        run.finished(
          {
            mailbox: m.mailbox,
            folder: 'freebusy',
            ok: m.ok,
            items,
            upserts: m.ok && !run.dryRun ? items : 0,
            deletes: 0,
            ...(m.error ? { error: m.error } : {}),
          },
          report.mailboxes.length,
        );
      }
    },
  );
}
