// RPC methods of the write direction (issue 7): import into calendars, presence from calendars, free/busy
// blocks and two-way rules. Job, rule and table documents are checked in full by the core services (their
// schemas live in src/core/*); here they only have to be objects, so the renderer bundle stays free of core code.
import { z } from 'zod';
import { errorInfoSchema, textRefSchema } from '../errors.js';

const id = z.string().min(1);
const opId = z.string().min(1).max(100).optional();
const doc = z.record(z.string(), z.unknown());
const m = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const plannedSchema = z.looseObject({ action: z.enum(['create', 'update', 'delete']), key: z.string().optional() });
export const importMailboxResultSchema = z.looseObject({
  mailbox: z.string(),
  ok: z.boolean(),
  creates: z.number(),
  updates: z.number(),
  deletes: z.number(),
  unchanged: z.number(),
  failed: z.number(),
  planned: z.array(plannedSchema).optional(),
  /** Planned writes beyond the listed ones (a very large dry run lists the first 1,000). */
  plannedOmitted: z.number().optional(),
  errors: z.array(z.object({ key: z.string().optional(), error: errorInfoSchema })),
});
export const importReportSchema = z.looseObject({
  job: z.string(),
  dryRun: z.boolean(),
  aborted: z.boolean(),
  documents: z.array(z.string()),
  rows: z.number(),
  // A row's problem is an engine text (`problem.row.*`); reports made before it was one carry the English words.
  rowErrors: z.array(
    z.object({ file: z.string(), line: z.number(), problem: z.union([textRefSchema, z.string()]), error: errorInfoSchema }),
  ),
  /** All unreadable rows; rowErrors lists the first 1,000. Absent from reports made before the limit existed. */
  rowErrorCount: z.number().optional(),
  error: errorInfoSchema.optional(),
  mailboxes: z.array(importMailboxResultSchema),
  totals: z.object({ creates: z.number(), updates: z.number(), deletes: z.number(), unchanged: z.number(), failed: z.number() }),
});
export type ImportReportView = z.infer<typeof importReportSchema>;

const spanSchema = z.object({
  status: z.string(),
  start: z.string(),
  end: z.string(),
  rule: z.string().optional(),
  eventId: z.string().optional(),
});
export const presenceStatusSchema = z.object({
  at: z.string(),
  mailboxes: z.array(
    z.object({
      mailbox: z.string(),
      ok: z.boolean(),
      current: spanSchema.optional(),
      upcoming: z.array(spanSchema).optional(),
      error: errorInfoSchema.optional(),
    }),
  ),
});
export type PresenceStatusView = z.infer<typeof presenceStatusSchema>;

export const freeBusyReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  mailboxes: z.array(
    z.looseObject({
      mailbox: z.string(),
      ok: z.boolean(),
      blocks: z.array(z.looseObject({ start: z.string(), end: z.string(), showAs: z.string() })).default([]),
      error: errorInfoSchema.optional(),
    }),
  ),
});
export type FreeBusyReportView = z.infer<typeof freeBusyReportSchema>;

const conflictSchema = z.looseObject({
  time: z.string(),
  rule: z.string(),
  key: z.string(),
  master: z.string(),
  winner: z.string(),
  a: doc.nullable(),
  b: doc.nullable(),
});
const counts = z.object({ a: z.number(), b: z.number() });
export const twoWayReportSchema = z.looseObject({
  rule: z.string(),
  created: counts,
  updated: counts,
  deleted: counts,
  unchanged: z.number(),
  conflicts: z.array(conflictSchema),
  errors: z.array(z.object({ key: z.string(), side: z.string(), error: errorInfoSchema })),
  /** Dry runs: every write the run would make, per side. */
  planned: z
    .array(
      z.looseObject({
        side: z.enum(['a', 'b']),
        action: z.enum(['create', 'update', 'delete']),
        key: z.string(),
        subject: z.string().optional(),
      }),
    )
    .optional(),
});
export type TwoWayReportView = z.infer<typeof twoWayReportSchema>;
export type TwoWayConflictView = z.infer<typeof conflictSchema>;

export const writeDirectionMethods = {
  /** Dry run of an import job: what would change per mailbox, and the rows that could not be read. */
  'import.plan': m(z.object({ profileId: id, job: doc, opId }), importReportSchema),
  /** Runs an import job; `import.progress` events follow it (tagged with the opId). */
  'import.run': m(z.object({ profileId: id, job: doc, opId }), importReportSchema),
  'presence.status': m(
    z.object({
      profileId: id,
      mailboxes: z.array(z.string().min(3)).min(1).max(100),
      folder: z.string().min(1).optional(),
      at: z.iso.datetime({ offset: true }).optional(),
      horizonHours: z.number().int().min(1).max(336).optional(),
      rules: doc.optional(),
      /** A saved table by name when `rules` is absent; default: the saved "default" table. */
      table: z.string().trim().min(1).max(64).optional(),
      opId,
    }),
    presenceStatusSchema,
  ),
  'presence.defaultRules': m(z.object({}).strict().default({}), z.object({ table: doc })),
  /** Never fails for a bad table: the answer says what is wrong (the editor validates as the user types). */
  'presence.validateRules': m(
    z.object({ table: z.unknown() }),
    z.union([z.object({ ok: z.literal(true), table: doc }), z.object({ ok: z.literal(false), error: errorInfoSchema })]),
  ),
  'freebusy.blocks': m(
    z.object({
      profileId: id,
      mailboxes: z.array(z.string().min(3)).min(1).max(500),
      from: z.iso.datetime({ offset: true }),
      to: z.iso.datetime({ offset: true }),
      includeFree: z.boolean().default(false),
      opId,
    }),
    freeBusyReportSchema,
  ),
  /**
   * One run of a two-way rule; a side without a profile uses `profileId`. dryRun: write nothing and answer the
   * planned writes per side (`planned`), for the preview the UI shows before the first write.
   */
  'twoway.run': m(z.object({ profileId: id, rule: doc, dryRun: z.boolean().optional(), opId }), twoWayReportSchema),
  'twoway.conflicts': m(
    z.object({ ruleId: z.string().min(1).max(64), limit: z.number().int().min(1).max(1000).default(50) }),
    z.object({ conflicts: z.array(conflictSchema) }),
  ),
} as const;

export const importProgressEventSchema = z.object({
  opId: z.string().optional(),
  mailbox: z.string(),
  action: z.string(),
  items: z.number(),
  failed: z.number(),
});
