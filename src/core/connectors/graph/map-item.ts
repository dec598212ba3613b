// Graph contacts and Microsoft To Do tasks as the normalised items the EWS path produces (src/shared/item-model.ts),
// so one mailbox exports the same through either backend. Graph sends empty strings or null for unset text, arrays
// for e-mail addresses and phones, a physicalAddress per kind, a birthday as an instant, and task dates as
// dateTimeTimeZone (To Do keeps a due date at local midnight, often sent converted to UTC): each date is read as
// the instant it names and taken to its date (dateOfInstant), or to its wall date when the zone is unknown.
import {
  dateOfInstant,
  importanceSchema,
  taskStatusSchema,
  type NormalisedContact,
  type NormalisedTask,
} from '../../../shared/item-model.js';
import { graphInstant, type GraphDateTime } from './graph-time.js';

export interface GraphPhysicalAddress {
  street?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  countryOrRegion?: string | null;
}

export interface GraphContact {
  id: string;
  '@removed'?: { reason?: string };
  displayName?: string | null;
  givenName?: string | null;
  middleName?: string | null;
  surname?: string | null;
  nickName?: string | null;
  companyName?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  emailAddresses?: Array<{ name?: string | null; address?: string | null }> | null;
  businessPhones?: Array<string | null> | null;
  homePhones?: Array<string | null> | null;
  mobilePhone?: string | null;
  businessAddress?: GraphPhysicalAddress | null;
  homeAddress?: GraphPhysicalAddress | null;
  otherAddress?: GraphPhysicalAddress | null;
  birthday?: string | null;
  categories?: string[] | null;
  personalNotes?: string | null;
  lastModifiedDateTime?: string | null;
}

export interface GraphTodoTask {
  id: string;
  '@removed'?: { reason?: string };
  title?: string | null;
  status?: string | null;
  importance?: string | null;
  startDateTime?: GraphDateTime | null;
  dueDateTime?: GraphDateTime | null;
  completedDateTime?: GraphDateTime | null;
  categories?: string[] | null;
  body?: { content?: string | null; contentType?: string | null } | null;
  lastModifiedDateTime?: string | null;
}

/** What a contacts read asks for: every field the formats write (notes only with the job's includeBody). */
export const CONTACT_SELECT = [
  'id',
  'displayName',
  'givenName',
  'middleName',
  'surname',
  'nickName',
  'companyName',
  'jobTitle',
  'department',
  'emailAddresses',
  'businessPhones',
  'homePhones',
  'mobilePhone',
  'businessAddress',
  'homeAddress',
  'otherAddress',
  'birthday',
  'categories',
  'lastModifiedDateTime',
];
export const TASK_SELECT = [
  'id',
  'title',
  'status',
  'importance',
  'startDateTime',
  'dueDateTime',
  'completedDateTime',
  'categories',
  'lastModifiedDateTime',
];

const str = (v: string | null | undefined) => (v ?? '').trim();

function instant(v: string | null | undefined): string {
  const ms = Date.parse(v ?? '');
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

function dateOf(v: GraphDateTime | null | undefined): string | undefined {
  if (!v?.dateTime) return undefined;
  const at = graphInstant(v);
  if (at) return dateOfInstant(at);
  // A zone we cannot convert: the wall date Graph wrote is the date the owner set.
  return /^\d{4}-\d{2}-\d{2}/.exec(v.dateTime)?.[0];
}

function addressOf(type: 'business' | 'home' | 'other', a: GraphPhysicalAddress | null | undefined) {
  const out = {
    type,
    street: str(a?.street),
    city: str(a?.city),
    state: str(a?.state),
    postalCode: str(a?.postalCode),
    countryOrRegion: str(a?.countryOrRegion),
  };
  return out.street || out.city || out.state || out.postalCode || out.countryOrRegion ? [out] : [];
}

export function contactOfGraph(c: GraphContact, includeBody: boolean): NormalisedContact {
  const numbers = (type: 'business' | 'home' | 'mobile', list: Array<string | null> | null | undefined) =>
    (list ?? []).map((n) => str(n)).flatMap((number) => (number ? [{ type, number }] : []));
  const birthday = c.birthday ? dateOfInstant(c.birthday) : undefined;
  return {
    kind: 'contact',
    id: c.id,
    displayName: str(c.displayName),
    givenName: str(c.givenName),
    middleName: str(c.middleName),
    surname: str(c.surname),
    nickname: str(c.nickName),
    companyName: str(c.companyName),
    jobTitle: str(c.jobTitle),
    department: str(c.department),
    emails: (c.emailAddresses ?? []).flatMap((e) => {
      const address = str(e.address);
      if (!address) return [];
      const name = str(e.name);
      return [name ? { address, name } : { address }];
    }),
    phones: [...numbers('business', c.businessPhones), ...numbers('home', c.homePhones), ...numbers('mobile', [c.mobilePhone ?? null])],
    addresses: [...addressOf('business', c.businessAddress), ...addressOf('home', c.homeAddress), ...addressOf('other', c.otherAddress)],
    ...(birthday ? { birthday } : {}),
    categories: [...(c.categories ?? [])],
    ...(includeBody ? { notes: c.personalNotes ?? '' } : {}),
    lastModified: instant(c.lastModifiedDateTime),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A To Do body as text: To Do keeps text bodies as they are; an HTML body loses its markup. */
export function bodyText(body: GraphTodoTask['body']): string {
  const content = body?.content ?? '';
  if ((body?.contentType ?? 'text').toLowerCase() !== 'html') return content;
  return content
    .replace(/<(br|\/p|\/div)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|[a-z]+);/gi, (m, e: string) =>
      e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .trim();
}

export function taskOfGraph(t: GraphTodoTask, includeBody: boolean): NormalisedTask {
  const status = taskStatusSchema.safeParse(t.status);
  const importance = importanceSchema.safeParse(t.importance);
  const startDate = dateOf(t.startDateTime);
  const dueDate = dateOf(t.dueDateTime);
  const completedDate = dateOf(t.completedDateTime);
  return {
    kind: 'task',
    id: t.id,
    subject: t.title ?? '',
    status: status.success ? status.data : 'notStarted',
    importance: importance.success ? importance.data : 'normal',
    ...(startDate ? { startDate } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(completedDate ? { completedDate } : {}),
    categories: [...(t.categories ?? [])],
    ...(includeBody ? { body: bodyText(t.body) } : {}),
    lastModified: instant(t.lastModifiedDateTime),
  };
}
