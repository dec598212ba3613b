// Every host runs a stored job through here so each job type reaches its runner: exports through the pump's
// runJob, free/busy jobs through runFreeBusyJob. Jobs stored without a type are exports.
import { runFreeBusyJob } from '../freebusy/run-freebusy-job.js';
import { runJob, type JobRunResult, type RunJobDeps, type RunJobOptions } from '../sync/run-job.js';
import { jobTypeOf, type Job } from '../../shared/job.js';

export function runTypedJob(job: Job, deps: RunJobDeps, opts: RunJobOptions = {}): Promise<JobRunResult> {
  switch (jobTypeOf(job)) {
    case 'freebusy':
      return runFreeBusyJob(job, deps, opts);
    case 'export':
      return runJob(job, deps, opts);
  }
}
