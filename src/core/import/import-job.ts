// An import job: where rows come from, which mailboxes get them and how each row becomes an appointment.
// The job id is the scope written on every item, so two jobs never touch each other's appointments.
import { z } from 'zod';
import { sensitivitySchema, showAsSchema } from '../../shared/model.js';
import { problemKey } from '../../shared/i18n/problem-key.js';

export const IMPORT_FORMATS = ['csv', 'ics', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const importSourceSchema = z
  .object({
    /** A file, a folder (every .csv/.ics/.json/.ndjson in it, read again on each run) or an HTTP(S) URL. */
    path: z.string().min(1).optional(),
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//i.test(u), problemKey('problem.url.httpOrHttps'))
      .optional(),
    /** Default: from the file extension or the Content-Type. */
    format: z.enum(IMPORT_FORMATS).optional(),
    /** CSV field separator; default: guessed from the header line (comma, semicolon or tab). */
    delimiter: z.string().length(1).optional(),
    /** For an internal HTTPS endpoint: a CA file to trust (TLS is always verified). */
    caFile: z.string().min(1).optional(),
    /** Largest answer accepted from an HTTP(S) source, in MiB (default 64). */
    maxMB: z.number().int().min(1).max(512).optional(),
  })
  .strict()
  .refine((s) => !!s.path !== !!s.url, { message: problemKey('problem.import.pathOrUrl') });
export type ImportSource = z.infer<typeof importSourceSchema>;

/** Column names per field (CSV header or JSON key), matched case-insensitively; the defaults cover common exports. */
export const columnsSchema = z
  .object({
    id: z.string(),
    mailbox: z.string(),
    subject: z.string(),
    start: z.string(),
    end: z.string(),
    allDay: z.string(),
    location: z.string(),
    showAs: z.string(),
    sensitivity: z.string(),
    categories: z.string(),
    body: z.string(),
  })
  .partial()
  .strict();
export type ColumnMap = z.infer<typeof columnsSchema>;

export const importJobSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, problemKey('problem.name.idChars')),
    name: z.string().optional(),
    /** Profile name or id (the CLI's --profile wins). */
    profile: z.string().optional(),
    source: importSourceSchema,
    /** Mailboxes that get every row without a mailbox column value (e.g. public holidays for everyone). */
    mailboxes: z.array(z.string().min(3)).default([]),
    folder: z.string().min(1).default('calendar'),
    /** Zone for times without an offset and for the dates of all-day rows. */
    timeZone: z.string().min(1).default('UTC'),
    showAs: showAsSchema.default('oof'),
    sensitivity: sensitivitySchema.default('normal'),
    categories: z.array(z.string().min(1)).default([]),
    /** Minutes before start; absent = reminder off (the default for absences). */
    reminderMinutes: z.number().int().min(0).max(40_320).optional(),
    /** Subject for rows without one, e.g. "Absent". */
    defaultSubject: z.string().optional(),
    /** A date-only end ("2026-03-12") is the last day of the absence, not the day after. */
    allDayEndInclusive: z.boolean().default(true),
    /** Remove appointments whose row left the source. */
    deleteMissing: z.boolean().default(true),
    /** Allow an empty source to remove every appointment of the job (refused by default). */
    allowEmptySource: z.boolean().default(false),
    /** Recurring iCalendar events are expanded this many days ahead. */
    expandDays: z.number().int().min(1).max(3660).default(366),
    columns: columnsSchema.default({}),
    /** Mailboxes worked on at once. */
    concurrency: z.number().int().min(1).max(64).default(8),
  })
  .strict();
export type ImportJob = z.infer<typeof importJobSchema>;
export type ImportJobInput = z.input<typeof importJobSchema>;
