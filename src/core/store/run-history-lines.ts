// The lines of the shared run history (store/run-history.ts): a run's start, its end (the RunRecord), and a
// job's removal. Each carries a version so a later format can be told apart.
import { z } from 'zod';
import { runRecordSchema, runTriggerSchema, type RunRecord } from '../../shared/job.js';

const startSchema = z.object({
  v: z.literal(1),
  t: z.literal('start'),
  runId: z.string(),
  jobId: z.string(),
  jobName: z.string(),
  trigger: runTriggerSchema,
  dryRun: z.boolean(),
  startedAt: z.string(),
  pid: z.number().int(),
  host: z.string(),
});
const endSchema = z.object({ v: z.literal(1), t: z.literal('end'), record: runRecordSchema });
const removedSchema = z.object({ v: z.literal(1), t: z.literal('removed'), jobId: z.string(), at: z.string() });
export const historyLineSchema = z.discriminatedUnion('t', [startSchema, endSchema, removedSchema]);
export type HistoryLine = z.infer<typeof historyLineSchema>;
export type StartLine = z.infer<typeof startSchema>;

export const endLine = (record: RunRecord): HistoryLine => ({ v: 1, t: 'end', record });

/** What is known when a run begins. */
export type RunStart = Pick<RunRecord, 'runId' | 'jobId' | 'jobName' | 'trigger' | 'dryRun' | 'startedAt'>;
