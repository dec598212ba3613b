// Job shapes as they cross the RPC wire. The pump helper owns src/shared/job.ts; until it lands these are the
// minimal shapes the UI needs (DESIGN.md "The pump"). When job.ts exists, this file re-exports from it.
import { z } from 'zod';
import { errorInfoSchema } from '../errors.js';

export const jobMailboxesSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('list'), list: z.array(z.string().min(1)).min(1) }),
  z.object({ mode: z.literal('search'), search: z.string().min(1) }),
  z.object({ mode: z.literal('group'), group: z.string().min(1) }),
]);

export const jobTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), path: z.string().min(1) }),
  z.object({ kind: z.literal('webhook'), url: z.string().url() }),
  z.object({ kind: z.literal('sqlite'), path: z.string().min(1) }),
]);

export const jobScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('interval'), minutes: z.number().int().min(1).max(10_080) }),
  z.object({ kind: z.literal('cron'), expression: z.string().min(1) }),
]);

export const jobSpecSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(64),
  profileId: z.string().min(1),
  mailboxes: jobMailboxesSchema,
  folders: z
    .object({ folder: z.string().min(1).default('calendar'), includeSubfolders: z.boolean().default(false) })
    .default({ folder: 'calendar', includeSubfolders: false }),
  window: z
    .object({ daysBack: z.number().int().min(0).max(3650), daysAhead: z.number().int().min(0).max(3650) })
    .default({ daysBack: 7, daysAhead: 30 }),
  filters: z
    .object({ private: z.enum(['include', 'skip', 'mask']).default('mask'), exclusionMarker: z.string().optional() })
    .default({ private: 'mask' }),
  format: z.enum(['ics', 'json', 'csv']).default('ics'),
  target: jobTargetSchema,
  schedule: jobScheduleSchema.default({ kind: 'manual' }),
  enabled: z.boolean().default(true),
});
export type JobSpec = z.infer<typeof jobSpecSchema>;

export const runStatusSchema = z.enum(['queued', 'running', 'ok', 'partial', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const runMailboxResultSchema = z.object({
  mailbox: z.string(),
  folder: z.string(),
  ok: z.boolean(),
  items: z.number().int().nonnegative(),
  file: z.string().optional(),
  error: errorInfoSchema.optional(),
});

export const jobRunSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  status: runStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** 0..100 */
  percent: z.number().min(0).max(100),
  mailboxes: z.array(runMailboxResultSchema),
  error: errorInfoSchema.optional(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

/** A job as the UI lists it: its spec plus what the scheduler knows about it. */
export const jobViewSchema = z.object({
  job: jobSpecSchema,
  state: z.enum(['idle', 'running', 'paused', 'disabled']),
  lastRun: jobRunSchema.optional(),
  nextRunAt: z.string().optional(),
});
export type JobView = z.infer<typeof jobViewSchema>;
