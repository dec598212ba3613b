// Job contract (DESIGN.md "The pump"): what to read (profile, mailboxes, folders, window), what to leave out or
// hide (filters), where to put it (format + target) and when (schedule). Pure zod, shared by core, CLI and UI.
import { z } from 'zod';
import { errorInfoSchema } from './errors.js';
import { eventFieldsSchema } from './event-fields.js';
import { jobContentSchema, type JobContent } from './item-model.js';
import { showAsSchema } from './model.js';
import { hasUrlCredentials, isAbsolutePath } from './url-checks.js';
import { omit } from './omit.js';
import { problemKey } from './i18n/problem-key.js';

export const JOB_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

/** vcard: contacts only (vCard 4, one .vcf per mailbox-folder). */
export const exportFormatSchema = z.enum(['ics', 'json', 'csv', 'vcard']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

const groupAddress = z
  .string()
  .trim()
  .min(3)
  .includes('@', { message: problemKey('problem.address.group') });

/** What a run does with the output of a mailbox the job no longer covers (it left the group, room list or search). */
export const formerMembersSchema = z.enum(['keep', 'remove']);
export type FormerMembers = z.infer<typeof formerMembersSchema>;

export const mailboxSelectionSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('list'),
    list: z
      .array(
        z
          .string()
          .trim()
          .min(3)
          .includes('@', { message: problemKey('problem.address.mailbox') }),
      )
      .min(1, problemKey('problem.job.noMailbox')),
  }),
  /** Every mailbox the directory search returns for this text (name or address). */
  z.object({ mode: z.literal('search'), search: z.string().trim().min(1) }),
  z.object({ mode: z.literal('allRooms') }),
  /**
   * Every member of a distribution or security group (nested groups expanded, each once), read again on every run:
   * a new member is exported without editing the job; one who left is handled as `formerMembers` says.
   */
  z.object({ mode: z.literal('group'), group: groupAddress }),
  /** Every room of a room list (EWS GetRooms, Graph places), read again on every run. */
  z.object({ mode: z.literal('roomList'), roomList: groupAddress }),
]);
export type MailboxSelection = z.infer<typeof mailboxSelectionSchema>;

export const folderSelectionSchema = z.object({
  /** Distinguished ids ('calendar') or folder ids from `calpump folders`. Never a localised name. */
  ids: z.array(z.string().min(1)).min(1).default(['calendar']),
  includeSubfolders: z.boolean().default(false),
});

export const windowSchema = z.object({
  daysBack: z.number().int().min(0).max(3650).default(7),
  daysAhead: z.number().int().min(1).max(3650).default(90),
});

export const PRIVATE_PLACEHOLDER_SUBJECT = 'Private appointment';

export const filtersSchema = z.object({
  /** include: as stored; skip: left out; mask: kept as busy time with subject "Private appointment" and nothing else. */
  private: z.enum(['include', 'skip', 'mask']).default('mask'),
  /** Items whose subject contains this text are left out (e.g. "##"). */
  exclusionMarker: z.string().min(1).optional(),
  /** Only items with one of these free/busy states; absent = all. */
  showAs: z.array(showAsSchema).min(1).optional(),
  includeCancelled: z.boolean().default(true),
  includeBody: z.boolean().default(false),
  /** Attendee lists in the output (off for door signs and occupancy: EWS then needs no GetItem per 50 items). */
  includeAttendees: z.boolean().default(true),
});
export type JobFilters = z.infer<typeof filtersSchema>;

const isLoopback = (u: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);

/** Target paths are absolute: a relative one would land wherever the process was started (a job with ../../etc wrote into /etc). */
const absolutePath = z.string().min(1).refine(isAbsolutePath, problemKey('problem.path.absolute'));

/** A PostgreSQL identifier Calpump creates its tables in: lower case, no quoting surprises. */
const PG_SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export const postgresTargetSchema = z
  .object({
    kind: z.literal('postgres'),
    host: z.string().trim().min(1),
    port: z.number().int().min(1).max(65535).default(5432),
    database: z.string().trim().min(1).max(63),
    user: z.string().trim().min(1).max(63),
    /** The PostgreSQL schema that holds the tables (created when missing). */
    schema: z.string().regex(PG_SCHEMA_NAME, problemKey('problem.postgres.schemaName')).default('public'),
    /** verify: TLS with the server certificate checked (the system CAs, or caFile); off: plain TCP, only to this machine. */
    tls: z.enum(['verify', 'off']).default('verify'),
    /** A CA (PEM file) trusted for the server certificate; verification stays on. */
    caFile: absolutePath.optional(),
  })
  .refine((t) => t.tls === 'verify' || ['localhost', '127.0.0.1', '::1'].includes(t.host) || t.host.startsWith('/'), {
    path: ['tls'],
    message: problemKey('problem.postgres.tlsOffRemote'),
  });
export type PostgresTarget = z.infer<typeof postgresTargetSchema>;

export const targetSchema = z.discriminatedUnion('kind', [
  /** One file per mailbox-folder in `path`, replaced atomically on every change. */
  z.object({ kind: z.literal('folder'), path: absolutePath }),
  /** Batched JSON POSTs, signed with the secret stored under jobSecretKey(job.id, 'webhookSecret'). */
  z.object({
    kind: z.literal('webhook'),
    url: z
      .string()
      .url()
      .refine((s) => {
        // zod runs this check even after .url() failed; an unparsable URL must be an issue, not a throw.
        if (!URL.canParse(s)) return false;
        const u = new URL(s);
        return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u));
      }, problemKey('problem.webhook.https'))
      .refine((s) => !hasUrlCredentials(s), problemKey('problem.webhook.credentials')),
    batchSize: z.number().int().min(1).max(1000).default(100),
  }),
  /** One SQLite database file (WAL) with an `events` table. */
  z.object({ kind: z.literal('sqlite'), path: absolutePath }),
  /** A PostgreSQL database (docs/jobs.md "PostgreSQL target"); the password is stored under jobSecretKey(job.id, 'postgresPassword'). */
  postgresTargetSchema,
]);
export type JobTarget = z.infer<typeof targetSchema>;

export const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({
    kind: z.literal('interval'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    active: z.boolean().default(true),
  }),
  /** Five or six field cron expression (croner syntax), evaluated in the machine's time zone. */
  z.object({ kind: z.literal('cron'), cron: z.string().min(9), active: z.boolean().default(true) }),
]);
export type JobSchedule = z.infer<typeof scheduleSchema>;

/**
 * export: calendar items to the target; freebusy: busy blocks only (no read right needed) to a folder target;
 * import: rows from `import` (the import job document core/import accepts) written into mailboxes;
 * presence: current and upcoming status per mailbox (a saved presence rule table) as `<mailbox>.json` in a
 * folder target; twoway: one run of a saved two-way rule (its sides name the calendars and profiles).
 */
export const JOB_TYPES = ['export', 'freebusy', 'import', 'presence', 'twoway'] as const;
export const jobTypeSchema = z.enum(JOB_TYPES);
export type JobType = z.infer<typeof jobTypeSchema>;

export const freeBusyJobOptionsSchema = z.object({
  includeFree: z.boolean().default(false),
  /** Join overlapping or touching blocks of the same status. */
  merge: z.boolean().default(true),
});

export const presenceJobOptionsSchema = z.object({
  /** Name of a saved presence rule table; "default" is the built-in table until someone saves their own. */
  table: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, problemKey('problem.presence.tableName'))
    .default('default'),
  /** How far ahead "upcoming" reaches; absent = the table's horizon. */
  lookaheadHours: z.number().int().min(1).max(336).optional(),
  /** IANA zone for all-day items whose own zone is unknown (default UTC). */
  timeZone: z.string().min(1).optional(),
});
export type PresenceJobOptions = z.infer<typeof presenceJobOptionsSchema>;

export const twoWayJobOptionsSchema = z.object({
  /** Id of a saved two-way rule (`calpump twoway --list`, the Two-way screen). */
  ruleId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, problemKey('problem.twoway.ruleId')),
});
export type TwoWayJobOptions = z.infer<typeof twoWayJobOptionsSchema>;

/** Types that have neither mailboxes nor a target of their own (import: its document; twoway: its rule). */
const WITHOUT_OUTPUT: ReadonlyArray<unknown> = ['import', 'twoway'];
/** Whether a job writes into calendars named elsewhere rather than reading mailboxes into a target. */
export const hasOwnOutput = (job: { type?: JobType }): boolean => !WITHOUT_OUTPUT.includes(jobTypeOf(job));

/** Jobs stored before job types existed have no `type`: they are exports. */
export const jobTypeOf = (job: { type?: JobType }): JobType => job.type ?? 'export';

/** File formats each content can be written in (a folder target; calendars also go to every other target). */
export const CONTENT_FORMATS: Record<JobContent, readonly ExportFormat[]> = {
  calendar: ['ics', 'json', 'csv'],
  contacts: ['json', 'csv', 'vcard'],
  tasks: ['json', 'csv', 'ics'],
};

/**
 * Targets each content can be written to; the editor offers only these, and jobSchema refuses the others. Every
 * content goes everywhere: contacts and tasks have their own tables in SQLite and PostgreSQL (docs/jobs.md).
 */
export const CONTENT_TARGETS: Record<JobContent, readonly JobTarget['kind'][]> = {
  calendar: ['folder', 'webhook', 'sqlite', 'postgres'],
  contacts: ['folder', 'webhook', 'sqlite', 'postgres'],
  tasks: ['folder', 'webhook', 'sqlite', 'postgres'],
};

/** What an export job reads; absent = calendar. */
export const contentOf = (job: { content?: JobContent }): JobContent => job.content ?? 'calendar';

const jobObjectSchema = z.object({
  id: z.string().min(1),
  /**
   * Export jobs: calendar items (absent), contacts or tasks. Contacts and tasks are read in full (the window does not
   * apply), from the folders given (default: the distinguished 'contacts' or 'tasks'), into any target.
   */
  content: jobContentSchema.optional(),
  /** Absent = 'export' (see jobTypeOf). */
  type: jobTypeSchema.optional(),
  /** Only for type 'freebusy'; the format ics means an iCalendar VFREEBUSY. */
  freebusy: freeBusyJobOptionsSchema.optional(),
  /** Only for type 'import': the import job document (validated by core/import's importJobSchema at run time). */
  import: z.record(z.string(), z.unknown()).optional(),
  /** Only for type 'presence'; absent = the "default" table and its horizon. */
  presence: presenceJobOptionsSchema.optional(),
  /** Only for type 'twoway' (required there): which saved rule runs. */
  twoway: twoWayJobOptionsSchema.optional(),
  name: z.string().regex(JOB_NAME_PATTERN, problemKey('problem.name.nameChars')),
  /** Profile name or id (twoway: for a rule side that names no profile). */
  profile: z.string().min(1),
  /** Required for every type but 'import' (whose mailboxes come from its import document). */
  mailboxes: mailboxSelectionSchema.optional(),
  /**
   * Export jobs: the output of a mailbox that is no longer selected (left the group, room list or search, or was
   * taken off the list). keep (absent): left as it was; remove: deleted from the target, then its sync state.
   */
  formerMembers: formerMembersSchema.optional(),
  folders: folderSelectionSchema.default({ ids: ['calendar'], includeSubfolders: false }),
  window: windowSchema.default({ daysBack: 7, daysAhead: 90 }),
  filters: filtersSchema.default({ private: 'mask', includeCancelled: true, includeBody: false, includeAttendees: true }),
  /** File format for the folder target; the webhook sends JSON and SQLite stores columns. */
  format: exportFormatSchema.default('ics'),
  /**
   * CSV only: keepFormulas writes cells that start with =, +, -, @, tab or CR as they are, for machine consumers.
   * Absent or false: such cells get a leading single quote, so a spreadsheet shows them as text, never runs them.
   */
  csv: z.object({ keepFormulas: z.boolean().default(false) }).optional(),
  /**
   * Calendar exports: only these fields in the output (shared/event-fields.ts; JSON keys, CSV columns, ICS
   * properties — UID, DTSTART, DTEND, DTSTAMP and RECURRENCE-ID always), and the connectors read no more than they
   * and the filters need. Absent = every field. Refused for SQLite and PostgreSQL targets (fixed columns).
   */
  fields: eventFieldsSchema.optional(),
  /** ICS only: series true writes one VEVENT per series (RRULE, EXDATE, RECURRENCE-ID overrides, VTIMEZONE); absent or false: one per occurrence. */
  ics: z.object({ series: z.boolean().default(false) }).optional(),
  /** Required for every type but 'import' (which writes into the mailboxes and has no output). */
  target: targetSchema.optional(),
  schedule: scheduleSchema.default({ kind: 'manual' }),
  /** Mailboxes read at once. EWS throttles per service account; Graph allows 4 concurrent requests per mailbox. */
  concurrency: z.number().int().min(1).max(32).default(8),
});
type ParsedJob = z.output<typeof jobObjectSchema>;

/**
 * A stored job. Import and two-way jobs have neither `mailboxes` (their import document names them) nor `target` (they write
 * into the mailboxes): jobSchema drops both from an import job, including the placeholders older versions
 * stored, and refuses any other job type without them. Runners read them through requireTarget /
 * requireMailboxes (core/sync/job-output.ts); code that may hold an import job asks targetOf / mailboxesOf.
 */
export type Job = ParsedJob;
/** A job as the user describes it: everything but the id, defaults allowed. */
export type JobInput = z.input<typeof jobObjectSchema>;

/** Contacts and tasks jobs without folders or format read the distinguished folder of their kind into JSON. */
function contentDefaults(v: Record<string, unknown>): Record<string, unknown> {
  const content = v.content;
  if (content !== 'contacts' && content !== 'tasks') return v;
  return { ...v, folders: v.folders ?? { ids: [content], includeSubfolders: false }, format: v.format ?? 'json' };
}

export const jobSchema = z.preprocess(
  (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    if (!WITHOUT_OUTPUT.includes((v as { type?: unknown }).type)) return contentDefaults(v as Record<string, unknown>);
    return omit(v as Record<string, unknown>, 'mailboxes', 'target');
  },
  jobObjectSchema.superRefine((j, ctx) => {
    const content = contentOf(j);
    if (content !== 'calendar' && jobTypeOf(j) !== 'export')
      ctx.addIssue({ code: 'custom', path: ['content'], message: problemKey('problem.job.contentExportOnly') });
    if (!CONTENT_FORMATS[content].includes(j.format))
      ctx.addIssue({
        code: 'custom',
        path: ['format'],
        message: problemKey('problem.job.contentFormats'),
        params: { content, formats: CONTENT_FORMATS[content].join(', ') },
      });
    if (j.target && !CONTENT_TARGETS[content].includes(j.target.kind))
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: problemKey('problem.job.contentTargets'),
        params: { content, targets: CONTENT_TARGETS[content].join(', ') },
      });
    if (j.fields && (content !== 'calendar' || jobTypeOf(j) !== 'export'))
      ctx.addIssue({ code: 'custom', path: ['fields'], message: problemKey('problem.job.fieldsCalendarOnly') });
    if (j.fields && (j.target?.kind === 'sqlite' || j.target?.kind === 'postgres'))
      ctx.addIssue({
        code: 'custom',
        path: ['fields'],
        message: problemKey('problem.job.fieldsTarget'),
        params: { target: j.target.kind },
      });
    if (j.type === 'import') return;
    if (j.type === 'twoway') {
      if (!j.twoway) ctx.addIssue({ code: 'custom', path: ['twoway', 'ruleId'], message: problemKey('problem.job.twowayRuleMissing') });
      return;
    }
    if (!j.mailboxes)
      ctx.addIssue({
        code: 'custom',
        path: ['mailboxes'],
        message: problemKey('problem.job.mailboxesMissing'),
      });
    if (!j.target)
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: problemKey('problem.job.targetMissing'),
      });
  }),
) as unknown as z.ZodType<Job, JobInput>;

/** The job's target; undefined for import and two-way jobs. */
export const targetOf = (job: Job): JobTarget | undefined => (hasOwnOutput(job) ? job.target : undefined);
/** The job's mailbox selection; undefined for import jobs (their import document names the mailboxes) and two-way jobs (their rule does). */
export const mailboxesOf = (job: Job): MailboxSelection | undefined => (hasOwnOutput(job) ? job.mailboxes : undefined);

export const JOB_SECRET_NAMES = ['webhookSecret', 'postgresPassword'] as const;
export type JobSecretName = (typeof JOB_SECRET_NAMES)[number];
/** Job secrets a form or a command sends: a value sets, null deletes, absent keeps. */
export type JobSecretsInput = Partial<Record<JobSecretName, string | null>>;
export function jobSecretKey(jobId: string, name: JobSecretName): string {
  return `job:${jobId}:${name}`;
}

// ---- Runs: history records and progress events (the RPC layer forwards the events as they come). ----

export const runTriggerSchema = z.enum(['schedule', 'manual', 'cli']);
export const runRecordStatusSchema = z.enum(['ok', 'partial', 'failed', 'interrupted']);
export const runMailboxSchema = z.object({
  mailbox: z.string(),
  ok: z.boolean(),
  /** Items in the output for this mailbox after the run (import, two-way: items handled). */
  items: z.number().int().nonnegative(),
  /** Changes written for this mailbox (0 in a dry run). */
  itemsWritten: z.number().int().nonnegative(),
  /** The mailbox's first error; the others are in the record's `errors`. */
  error: errorInfoSchema.optional(),
});
export const runOutputSchema = z.object({
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  /** The mailbox whose output this is (absent for one database or webhook shared by every mailbox). */
  mailbox: z.string().optional(),
});
export const runFeedSchema = z.object({ mailbox: z.string(), path: z.string() });
/** One item a run left out on purpose: where, which (its subject only when the item is not private), and why. */
export const runSkippedItemSchema = z.object({
  mailbox: z.string(),
  folder: z.string(),
  item: z.string(),
  subject: z.string().optional(),
  /** The catalogue entry that says why (ews.item.unsupported, graph.event.timeZoneUnknown…) with its params. */
  reason: errorInfoSchema,
});
export const runRecordSchema = z.object({
  runId: z.string(),
  jobId: z.string(),
  jobName: z.string(),
  trigger: runTriggerSchema,
  dryRun: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /**
   * ok: every mailbox done; partial: some failed; failed: none done or the run could not start; interrupted: the
   * process running it ended before the run did (closed, killed, the machine restarted).
   */
  status: runRecordStatusSchema,
  mailboxesOk: z.number().int().nonnegative(),
  mailboxesFailed: z.number().int().nonnegative(),
  /** Events in the output after the run, and changes written (upserts + deletes). */
  items: z.number().int().nonnegative(),
  itemsWritten: z.number().int().nonnegative(),
  /** Items left out on purpose (not a calendar item, no start, an unknown time zone): never taken as deleted. */
  itemsSkipped: z.number().int().nonnegative().optional(),
  /** The first of them (at most 100; `itemsSkipped` is the total), each with where it is and why it was left out. */
  skipped: z.array(runSkippedItemSchema).optional(),
  /** Mailboxes whose output the job held but no longer covers, and what the run did with that output (formerMembers). */
  formerMembers: z.array(z.object({ mailbox: z.string(), output: z.enum(['kept', 'removed']) })).optional(),
  /** The first errors of the run (capped), each with where it happened; `item` for an item left out (older runs). */
  errors: z.array(
    z.object({ mailbox: z.string().optional(), folder: z.string().optional(), item: z.string().optional(), error: errorInfoSchema }),
  ),
  /** One entry per mailbox the run covered (a two-way run: one per side), in mailbox order. */
  mailboxes: z.array(runMailboxSchema).default([]),
  /**
   * What holds the run's output: files with absolute paths (one per mailbox-folder; written now or already up
   * to date), the SQLite database file, or a webhook's URL without credentials or query (bytes: sent this run).
   */
  outputs: z.array(runOutputSchema).default([]),
  /** Feeds `calpump serve` publishes for this output: paths relative to its origin (the feed token is not part). */
  feeds: z.array(runFeedSchema).default([]),
});
export type RunRecord = z.infer<typeof runRecordSchema>;
export type RunMailbox = z.infer<typeof runMailboxSchema>;
export type RunOutput = z.infer<typeof runOutputSchema>;
export type RunFeed = z.infer<typeof runFeedSchema>;
export type RunSkippedItem = z.infer<typeof runSkippedItemSchema>;

export type PumpEvent =
  | { type: 'job.started'; jobId: string; jobName: string; runId: string; at: string; mailboxes: number; dryRun: boolean }
  | {
      type: 'mailbox.progress';
      jobId: string;
      runId: string;
      mailbox: string;
      done: number;
      total: number;
      ok: boolean;
      items: number;
      errorId?: string;
    }
  /**
   * The server asked to back off (ErrorServerBusy, Retry-After) for longer than a few seconds: the run waits
   * `ms` until `until` before trying again. `reason` is the server's own code ("ErrorServerBusy", "HTTP 429").
   */
  | { type: 'job.waiting'; jobId: string; runId: string; mailbox?: string; ms: number; reason: string; until: string }
  | { type: 'job.finished'; jobId: string; runId: string; at: string; record: RunRecord }
  | { type: 'scheduler.state'; paused: boolean; running: string[] };
