// Events the host pushes to every connected client (both transports). One name → one payload schema.
import { z } from 'zod';
import { errorInfoSchema } from '../errors.js';
import { testStepViewSchema } from './test-steps.js';
import { runStatusSchema } from './jobs.js';
import { importProgressEventSchema } from './write-direction.js';

/** What the tray icon shows; the web UI shows the same state in its header. */
export const trayStateSchema = z.enum(['idle', 'syncing', 'error', 'paused']);
export type TrayState = z.infer<typeof trayStateSchema>;

export const appStateSchema = z.object({
  tray: trayStateSchema,
  paused: z.boolean(),
  runningJobs: z.array(z.string()),
  /** ISO time of the last finished run (any job), if any. */
  lastSyncAt: z.string().optional(),
  /** Jobs whose last run failed. */
  failingJobs: z.array(z.string()),
});
export type AppState = z.infer<typeof appStateSchema>;

export const logLineSchema = z.object({
  time: z.string(),
  level: z.enum(['error', 'warn', 'info', 'debug', 'trace']),
  event: z.string(),
  /** Already redacted by the logger. */
  fields: z.record(z.string(), z.unknown()),
});
export type LogLine = z.infer<typeof logLineSchema>;

export const rpcEvents = {
  'job.progress': z.object({
    jobId: z.string(),
    runId: z.string(),
    percent: z.number().min(0).max(100),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    mailbox: z.string().optional(),
  }),
  /** A run waits because the server asked it to back off for longer than a few seconds (PumpEvent job.waiting). */
  'job.waiting': z.object({
    jobId: z.string(),
    runId: z.string(),
    mailbox: z.string().optional(),
    /** How long the run waits, in milliseconds, and the ISO time it goes on. */
    ms: z.number().nonnegative(),
    until: z.string(),
    /** The server's own code: "ErrorServerBusy", "HTTP 429", "HTTP 503". */
    reason: z.string(),
  }),
  'job.status': z.object({
    jobId: z.string(),
    runId: z.string().optional(),
    status: runStatusSchema,
    at: z.string(),
    error: errorInfoSchema.optional(),
  }),
  /** A batch of an import.run was written (opId = the call's). */
  'import.progress': importProgressEventSchema,
  'log.line': logLineSchema,
  /** A step of a running profiles.test or doctor.run finished (opId = the call's), so a slow step never looks like a hang. */
  'test.step': z.object({ opId: z.string(), index: z.number().int().nonnegative(), step: testStepViewSchema }),
  /** A device-code sign-in (auth.login of a deviceCode profile) waits for the user to enter this code. */
  'auth.deviceCode': z.object({
    profileId: z.string(),
    userCode: z.string(),
    verificationUri: z.string(),
    /** Microsoft's own instruction text, in the tenant's language. */
    message: z.string(),
    expiresAt: z.string(),
  }),
  'app.state': appStateSchema,
  /** A profile, job or setting changed (by another window, the CLI or the scheduler): refetch that group. */
  'data.changed': z.object({ group: z.enum(['profiles', 'jobs', 'settings', 'presenceRules', 'twowayRules']), id: z.string().optional() }),
} as const;

export type RpcEventName = keyof typeof rpcEvents;
export type RpcEventPayload<E extends RpcEventName> = z.infer<(typeof rpcEvents)[E]>;
export const rpcEventNames = Object.keys(rpcEvents) as RpcEventName[];
