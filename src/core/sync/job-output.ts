// A stored job's mailboxes and target, for the runners that read them. Import jobs have neither (jobSchema drops
// them), so a runner handed one by mistake gets a clear error naming the missing field instead of a crash.
import type { Job, JobTarget, MailboxSelection } from '../../shared/job.js';
import { jobTypeOf } from '../../shared/job.js';
import { text, type EngineTextKey } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';

function missing(job: Job, field: string, problem: EngineTextKey): CalpumpError {
  return new CalpumpError('input.invalid', {
    params: { field: `${job.name}: ${field}`, problem: text(problem, { type: jobTypeOf(job) }) },
  });
}

export function requireTarget(job: Job): JobTarget {
  if (!job.target) throw missing(job, 'target', 'problem.job.needsTarget');
  return job.target;
}

/** The target of a job type that writes files only (presence, free/busy): `problem` says which type refuses others. */
export function requireFolderTarget(job: Job, problem: EngineTextKey): Extract<JobTarget, { kind: 'folder' }> {
  const target = requireTarget(job);
  if (target.kind !== 'folder') throw new CalpumpError('input.invalid', { params: { field: 'target', problem: text(problem) } });
  return target;
}

export function requireMailboxes(job: Job): MailboxSelection {
  if (!job.mailboxes) throw missing(job, 'mailboxes', 'problem.job.needsMailboxes');
  return job.mailboxes;
}
