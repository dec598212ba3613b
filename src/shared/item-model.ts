// Normalised contacts and tasks (issue 16 item 2): the fields EWS and Graph both carry, so an export of the same
// mailbox reads the same through either backend. Dates without a time (birthday, due date) are YYYY-MM-DD.
import { z } from 'zod';

/** What an export job reads: calendar items (absent), contacts or tasks. */
export const ITEM_CONTENTS = ['calendar', 'contacts', 'tasks'] as const;
export const jobContentSchema = z.enum(ITEM_CONTENTS);
export type JobContent = z.infer<typeof jobContentSchema>;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const contactEmailSchema = z.object({ address: z.string(), name: z.string().optional() });
/** EWS BusinessPhone/BusinessPhone2 = Graph businessPhones, HomePhone/HomePhone2 = homePhones, MobilePhone = mobilePhone. */
export const contactPhoneSchema = z.object({ type: z.enum(['business', 'home', 'mobile']), number: z.string() });
export const contactAddressSchema = z.object({
  type: z.enum(['business', 'home', 'other']),
  street: z.string(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  countryOrRegion: z.string(),
});

export const normalisedContactSchema = z.object({
  kind: z.literal('contact'),
  id: z.string(),
  displayName: z.string(),
  givenName: z.string(),
  middleName: z.string(),
  surname: z.string(),
  nickname: z.string(),
  companyName: z.string(),
  jobTitle: z.string(),
  department: z.string(),
  /** In the order the contact holds them (EWS EmailAddress1..3, Graph emailAddresses). */
  emails: z.array(contactEmailSchema),
  /** Business, then home, then mobile, each in its own order. */
  phones: z.array(contactPhoneSchema),
  /** Business, home, other; only those with any field set. */
  addresses: z.array(contactAddressSchema),
  birthday: date.optional(),
  categories: z.array(z.string()),
  /** The notes (EWS Body, Graph personalNotes) as text; only with the job's includeBody. */
  notes: z.string().optional(),
  lastModified: z.string(),
});
export type NormalisedContact = z.infer<typeof normalisedContactSchema>;

export const taskStatusSchema = z.enum(['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred']);
export type TaskStatus = z.infer<typeof taskStatusSchema>;
export const importanceSchema = z.enum(['low', 'normal', 'high']);

export const normalisedTaskSchema = z.object({
  kind: z.literal('task'),
  id: z.string(),
  subject: z.string(),
  status: taskStatusSchema,
  importance: importanceSchema,
  startDate: date.optional(),
  dueDate: date.optional(),
  completedDate: date.optional(),
  categories: z.array(z.string()),
  /** Only with the job's includeBody. */
  body: z.string().optional(),
  lastModified: z.string(),
});
export type NormalisedTask = z.infer<typeof normalisedTaskSchema>;

export const normalisedItemSchema = z.discriminatedUnion('kind', [normalisedContactSchema, normalisedTaskSchema]);
export type NormalisedItem = z.infer<typeof normalisedItemSchema>;

/** The item kind a content reads (contacts → contact). */
export const itemKindOf = (content: Exclude<JobContent, 'calendar'>): NormalisedItem['kind'] =>
  content === 'contacts' ? 'contact' : 'task';

/**
 * The date a date-only value stands for when a server gives it as an instant. Exchange keeps due dates and
 * birthdays at local midnight (or 11:59) of the owner's zone: a whole quarter hour within twelve hours of that
 * date's UTC midnight, so such an instant is taken to the nearest date. Any other instant (a completion time set
 * by a program) is a moment, and its UTC date is taken.
 */
export function dateOfInstant(instant: string): string | undefined {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return undefined;
  const onQuarter = ms % 900_000 === 0 || ms % 86_400_000 === 43_140_000; /* 11:59:00 */
  return new Date(onQuarter ? ms + 12 * 3_600_000 - 60_001 : ms).toISOString().slice(0, 10);
}
