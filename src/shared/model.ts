// Normalised data every layer above a connector sees (DESIGN.md "Connector"). No backend type leaks past it.
import { z } from 'zod';
import { errorInfoSchema, textRefSchema } from './errors.js';

export const mailboxKindSchema = z.enum(['user', 'room', 'equipment']);
export const mailboxSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  smtp: z.string(),
  upn: z.string().optional(),
  kind: mailboxKindSchema,
});
export type Mailbox = z.infer<typeof mailboxSchema>;

export const mailboxPageSchema = z.object({ items: z.array(mailboxSchema), nextCursor: z.string().optional() });
export type MailboxPage = z.infer<typeof mailboxPageSchema>;

export const folderKindSchema = z.enum(['calendar', 'contacts', 'tasks', 'mail', 'other']);
export type FolderKind = z.infer<typeof folderKindSchema>;
export const folderSchema = z.object({
  id: z.string(),
  parentId: z.string().optional(),
  name: z.string(),
  /** Display path from the root the tree was read from, e.g. "Kalender/Projekte". */
  path: z.string(),
  kind: folderKindSchema,
  /** Distinguished id when the folder is a well-known one (calendar, contacts, tasks, msgfolderroot). */
  distinguishedId: z.string().optional(),
  totalCount: z.number().int().nonnegative(),
  childCount: z.number().int().nonnegative(),
});
export type Folder = z.infer<typeof folderSchema>;

export const showAsSchema = z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']);
export type ShowAs = z.infer<typeof showAsSchema>;
export const sensitivitySchema = z.enum(['normal', 'personal', 'private', 'confidential']);
export type Sensitivity = z.infer<typeof sensitivitySchema>;

export const personSchema = z.object({ name: z.string().optional(), email: z.string().optional() });
export const attendeeSchema = personSchema.extend({
  type: z.enum(['required', 'optional', 'resource']).default('required'),
  response: z.enum(['none', 'accepted', 'tentative', 'declined', 'organizer', 'unknown']).default('unknown'),
});

export const weekdaySchema = z.enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
export type Weekday = z.infer<typeof weekdaySchema>;

/**
 * A series' pattern as the server stores it on the series master (EWS <t:Recurrence>, Graph patternedRecurrence):
 * what repeats (type, every `interval` days/weeks/months/years, on which days) and for how long (from startDate
 * until endDate, `count` times, or without end). Dates are the series' own calendar dates (YYYY-MM-DD).
 */
export const recurrenceSchema = z.object({
  type: z.enum(['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly']),
  interval: z.number().int().min(1),
  /** weekly: the days; relative patterns: the day(s) whose n-th occurrence in the month counts. */
  daysOfWeek: z.array(weekdaySchema).optional(),
  /** absoluteMonthly, absoluteYearly: the day of the month. */
  dayOfMonth: z.number().int().min(1).max(31).optional(),
  /** Yearly patterns: the month, 1–12. */
  month: z.number().int().min(1).max(12).optional(),
  /** Relative patterns: which of the month's matching days. */
  index: z.enum(['first', 'second', 'third', 'fourth', 'last']).optional(),
  range: z.enum(['endDate', 'numbered', 'noEnd']),
  startDate: z.string(),
  endDate: z.string().optional(),
  count: z.number().int().min(1).optional(),
});
export type Recurrence = z.infer<typeof recurrenceSchema>;

/** Times are ISO 8601 UTC with a Z ("2026-11-25T09:00:00.000Z"); all-day events keep their date at 00:00Z. */
export const normalisedEventSchema = z.object({
  id: z.string(),
  seriesId: z.string().optional(),
  /** Original start (UTC) of an occurrence or exception in a series: the RECURRENCE-ID. */
  originalStart: z.string().optional(),
  iCalUId: z.string(),
  subject: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  isAllDay: z.boolean(),
  location: z.string(),
  organizer: personSchema.optional(),
  attendees: z.array(attendeeSchema).optional(),
  showAs: showAsSchema,
  sensitivity: sensitivitySchema,
  isCancelled: z.boolean(),
  categories: z.array(z.string()),
  body: z.string().optional(),
  lastModified: z.string(),
});
/**
 * What a reader knows about an event beyond the exported fields (EVENT_FIELDS): Browse shows it, exports do not
 * write it, stored sync state drops it.
 */
export const eventExtrasSchema = z.object({
  /** An occurrence that was changed on its own (moved, renamed…): an exception to its series' pattern. */
  isException: z.boolean().optional(),
  /** The series' pattern, on an occurrence or exception, when the read asked the series master for it (the preview does). */
  recurrence: recurrenceSchema.optional(),
});
export type NormalisedEvent = z.infer<typeof normalisedEventSchema> & z.infer<typeof eventExtrasSchema>;
/** An event as the Browse preview sends it: the exported fields and the extras. */
export const previewEventSchema = normalisedEventSchema.extend(eventExtrasSchema.shape);

export const testStepSchema = z.object({
  id: z.string(),
  /** What the step checks, as an engine text (shared/locales/<lang>/engine.json): hosts render it. */
  title: textRefSchema,
  status: z.enum(['pass', 'fail', 'skipped']),
  durationMs: z.number().nonnegative(),
  /** Raw technical evidence as the server or the system gave it (an address, an answer, a status). */
  evidence: z.string().optional(),
  /** What the step found, in words (an engine text): "anna resolves to Anna Schmidt", "Exchange 15.2". */
  detail: textRefSchema.optional(),
  /** A skipped step: the id of the earlier step it needed, which did not pass. */
  needs: z.string().optional(),
  /** The failure when status is fail (catalogue id, params, evidence): each host renders it in its reader's language. */
  error: errorInfoSchema.optional(),
  /** Facts the step established, for display (certificate subject/issuer/expiry, proxy, server version…). */
  data: z.record(z.string(), z.string()).optional(),
});
export type TestStep = z.infer<typeof testStepSchema>;

export const freeBusyBlockSchema = z.object({
  mailbox: z.string(),
  start: z.string(),
  end: z.string(),
  showAs: showAsSchema,
});
export type FreeBusyBlock = z.infer<typeof freeBusyBlockSchema>;

export type Change = { kind: 'create' | 'update'; event: NormalisedEvent } | { kind: 'delete'; id: string };

/**
 * Identity of an event across runs and across backends: the series' iCalUId plus, for an occurrence or an
 * exception, its original start. EWS and Graph ids differ for the same item; this key does not.
 */
export function eventKey(e: Pick<NormalisedEvent, 'iCalUId' | 'originalStart'>): string {
  return e.originalStart ? `${e.iCalUId}/${e.originalStart}` : e.iCalUId;
}
