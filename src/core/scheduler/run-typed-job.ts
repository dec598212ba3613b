// Every host runs a stored job through here so each job type reaches its runner: exports through the pump's
// runJob, free/busy jobs through runFreeBusyJob, import jobs through runImportJob (with the profile's writer,
// when the host provides one), presence jobs through runPresenceJob (with the host's saved rule tables). Jobs
// two-way jobs through runTwoWayJob (the host's saved rules; each side opened from the profile its rule names).
// Jobs stored without a type are exports.
import type { Connector } from '../connectors/connector.js';
import type { CalendarWriter } from '../connectors/writer.js';
import { runFreeBusyJob } from '../freebusy/run-freebusy-job.js';
import { runImportJob } from '../import/run-import-job.js';
import { runPresenceJob, type PresenceJobRunDeps } from '../presence/run-presence-job.js';
import { runTwoWayJob, type TwoWayJobHost } from '../twoway/run-twoway-job.js';
import { runJob, type JobRunResult, type RunJobDeps, type RunJobOptions } from '../sync/run-job.js';
import { jobTypeOf, type Job } from '../../shared/job.js';

/** A connector for reading job types, a writer for import jobs; the caller opens only the one the type needs. */
export type TypedJobDeps = Omit<RunJobDeps, 'connector'> & {
  connector?: Connector;
  writer?: CalendarWriter;
  presenceTable?: PresenceJobRunDeps['presenceTable'];
  twoWay?: TwoWayJobHost;
};

/** Whether a job type writes into mailboxes (needs a writer) rather than reading them (needs a connector). */
export const needsWriter = (job: Job) => jobTypeOf(job) === 'import';
/** Whether a job type opens its own connectors and writers (two-way: one pair per rule side), not the job profile's. */
export const opensOwnSides = (job: Job) => jobTypeOf(job) === 'twoway';

export function runTypedJob(job: Job, deps: TypedJobDeps, opts: RunJobOptions = {}): Promise<JobRunResult> {
  const type = jobTypeOf(job);
  if (type === 'import') return runImportJob(job, { ...deps, stateDir: deps.states.jobDir(job.id) }, opts);
  if (type === 'twoway') return runTwoWayJob(job, deps, opts);
  if (!deps.connector) throw new Error(`runTypedJob: a ${type} job needs a connector`);
  const withConnector = { ...deps, connector: deps.connector };
  if (type === 'presence') return runPresenceJob(job, withConnector, opts);
  return type === 'freebusy' ? runFreeBusyJob(job, withConnector, opts) : runJob(job, withConnector, opts);
}
