// Job shapes as they cross the RPC wire: the job itself and its run records are the pump's contract
// (src/shared/job.ts); this file adds what only the UI needs (a draft without id, the job's live view).
import { z } from 'zod';
import { textRefSchema } from '../errors.js';
import { jobSchema, runRecordSchema, type Job, type RunRecord } from '../job.js';

export { jobSchema, runRecordSchema, type Job, type RunRecord };
/** Kept for readers of older code: a job spec is the pump's Job. */
export type JobSpec = Job;

type JobDraft = Omit<z.input<typeof jobSchema>, 'id'> & { id?: string };
/** A job as a form sends it; the store assigns the id on create (a missing id is filled with a placeholder). */
export const jobDraftSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('id' in v) ? { ...v, id: 'new' } : v),
  jobSchema,
) as unknown as z.ZodType<Job, JobDraft>;

/** Status of a run as events report it (a finished run's record has ok | partial | failed | interrupted). */
export const runStatusSchema = z.enum(['queued', 'running', 'ok', 'partial', 'failed', 'cancelled', 'interrupted']);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** A job as the UI lists it: the job plus what the scheduler knows about it. */
export const jobViewSchema = z.object({
  job: jobSchema,
  state: z.enum(['idle', 'queued', 'running', 'paused']),
  lastRun: runRecordSchema.optional(),
  /** ISO time of the next scheduled run (absent for manual jobs and while paused). */
  nextRunAt: z.string().optional(),
  /** The run in progress, if any. */
  running: z.object({ runId: z.string(), percent: z.number().min(0).max(100) }).optional(),
});
export type JobView = z.infer<typeof jobViewSchema>;

/**
 * A jobs.json entry that does not validate: it is left out of the schedule (the others run) and shown with the
 * field that is wrong, so it can be repaired. `ref` names it in commands (`calpump jobs remove <ref>`);
 * `problem` is the validator's detail about the field; `file` is the jobs file to correct.
 */
export const brokenJobSchema = z.object({
  ref: z.string(),
  field: z.string(),
  problem: z.union([z.string(), textRefSchema]),
  id: z.string().optional(),
  name: z.string().optional(),
  file: z.string(),
  /** The entry as stored (jobs.json holds no secrets): the job editor opens it to repair it. */
  entry: z.record(z.string(), z.unknown()).optional(),
});
export type BrokenJobView = z.infer<typeof brokenJobSchema>;

/** @deprecated the pump's jobSchema (fields: profile, folders.ids, schedule.cron …); use jobSchema. */
export const jobSpecSchema = jobSchema;
/** @deprecated a finished run is the pump's RunRecord. */
export type JobRun = RunRecord;
