// The simulator's world: accounts, mailboxes, folders and calendar items, held as plain data so the EWS and
// Graph front ends (and expected.ts) read one truth. Times are UTC instants (ISO with Z) plus an IANA zone.
import type { ShowAs, Sensitivity } from '../../shared/model.js';

export type MailboxLanguage = 'en' | 'de' | 'nl';
export type MailboxKind = 'user' | 'room' | 'equipment';

/** Exchange folder permission roles, weakest first (order matters: see permissionAtLeast). */
export const PERMISSION_LEVELS = [
  'None',
  'FreeBusyTimeOnly',
  'FreeBusyTimeAndSubjectAndLocation',
  'Reviewer',
  'Contributor',
  'NoneditingAuthor',
  'Author',
  'PublishingAuthor',
  'Editor',
  'PublishingEditor',
  'Owner',
] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

/** An Active Directory account that can authenticate (users, service accounts). Rooms have none. */
export interface SimAccount {
  upn: string;
  samAccountName: string;
  /** NetBIOS domain, e.g. CONTOSO. */
  domain: string;
  password: string;
  displayName: string;
  /** Primary SMTP of the account's own mailbox, if it has one. */
  smtp?: string;
  /** Holds the ApplicationImpersonation role (scope: world.impersonationScope). */
  canImpersonate: boolean;
  sid: string;
  enabled: boolean;
}

export interface SimMailbox {
  smtp: string;
  upn: string;
  displayName: string;
  kind: MailboxKind;
  language: MailboxLanguage;
  /** Mailbox's configured time zone (IANA). */
  timeZone: string;
  legacyDn: string;
  /** Generated scale mailboxes (user0001…) vs. the documented seed. */
  generated: boolean;
  rootFolderId: string;
  /** Distinguished id (calendar, contacts, tasks, inbox, msgfolderroot, root) → folder id. */
  distinguished: Record<string, string>;
  /** Mailbox-level permission: principal SMTP → FullAccess. */
  fullAccess: string[];
  /** Extra searchable attributes (ResolveNames/FindPeople). */
  department?: string;
  title?: string;
  office?: string;
  capacity?: number;
}

/** A mailbox's automatic replies (out of office) as Exchange stores them: the window is kept when not Scheduled. */
export interface SimAutomaticReplies {
  state: 'Disabled' | 'Enabled' | 'Scheduled';
  /** UTC instants (ISO with Z). */
  start: string;
  end: string;
  externalAudience: 'None' | 'Known' | 'All';
  internalReply: string;
  externalReply: string;
}

export interface SimFolder {
  id: string;
  changeKey: string;
  mailbox: string;
  parentId?: string;
  distinguishedId?: string;
  displayName: string;
  folderClass: string;
  /** principal SMTP (lower-case) or 'default' / 'anonymous' → role. */
  permissions: Record<string, PermissionLevel>;
  /** Monotonic change log for SyncFolderItems: items created/updated/deleted at a world sequence number. */
  changes: FolderChange[];
  /** PR_ATTR_HIDDEN (system folders under the root). Hidden folders are still listed, as in Exchange. */
  hidden?: boolean;
}

export interface FolderChange {
  seq: number;
  kind: 'create' | 'update' | 'delete';
  itemId: string;
}

export interface SimPerson {
  name: string;
  email: string;
}

export type AttendeeRole = 'required' | 'optional' | 'resource';
export type ResponseKind = 'Unknown' | 'Organizer' | 'Tentative' | 'Accept' | 'Decline' | 'NoResponseReceived';

export interface SimAttendee extends SimPerson {
  role: AttendeeRole;
  response: ResponseKind;
}

export type RecurrencePattern =
  | { kind: 'daily'; interval: number }
  | { kind: 'weekly'; interval: number; daysOfWeek: number[] /* 0 = Sunday */; firstDayOfWeek: number }
  | { kind: 'absoluteMonthly'; interval: number; dayOfMonth: number }
  | { kind: 'relativeMonthly'; interval: number; dayOfWeek: number; weekIndex: 1 | 2 | 3 | 4 | 5 /* 5 = Last */ }
  | { kind: 'absoluteYearly'; month: number /* 1-12 */; dayOfMonth: number };

export type RecurrenceRange =
  | { kind: 'endDate'; startDate: string /* YYYY-MM-DD */; endDate: string }
  | { kind: 'numbered'; startDate: string; count: number }
  | { kind: 'noEnd'; startDate: string };

export interface SimRecurrence {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

export interface ExtendedPropertyValue {
  /** Key as EWS names it: `{setId}:{name}:{type}`, `{setId}:0x{id}:{type}`, or `tag:0x{tag}:{type}`. */
  key: string;
  value: string;
}

/** Fields an exception may override on one occurrence. */
export interface OccurrenceOverride {
  id: string;
  changeKey: string;
  lastModified: string;
  subject?: string;
  start?: string;
  end?: string;
  location?: string;
  showAs?: ShowAs;
  isCancelled?: boolean;
}

export interface SimEvent {
  id: string;
  changeKey: string;
  mailbox: string;
  folderId: string;
  iCalUId: string;
  subject: string;
  body: string;
  location: string;
  /** UTC instant. All-day events start at local midnight of timeZone (what Exchange stores). */
  start: string;
  end: string;
  timeZone: string;
  isAllDay: boolean;
  showAs: ShowAs;
  sensitivity: Sensitivity;
  importance: 'Low' | 'Normal' | 'High';
  categories: string[];
  organizer: SimPerson;
  attendees: SimAttendee[];
  isMeeting: boolean;
  isCancelled: boolean;
  created: string;
  lastModified: string;
  recurrence?: SimRecurrence;
  /** Keyed by original start (UTC ISO). */
  exceptions: Record<string, OccurrenceOverride>;
  /** Original starts (UTC ISO) of deleted occurrences. */
  deletedOccurrences: string[];
  extendedProperties: ExtendedPropertyValue[];
  reminderMinutes: number;
  appointmentSequence: number;
}

export interface SimRoomList {
  smtp: string;
  displayName: string;
  rooms: string[];
}

/**
 * A distribution or security group. Members are addresses: mailboxes, other groups (nesting, cycles allowed as
 * in Active Directory) or mail contacts outside the organisation (no mailbox, never exported).
 */
export interface SimGroup {
  smtp: string;
  displayName: string;
  kind: 'distribution' | 'security';
  members: string[];
}

/** What a view shows of one item: a single item, a series master, or an occurrence with its exception applied. */
export interface ItemFields {
  id: string;
  changeKey: string;
  subject: string;
  start: string;
  end: string;
  location: string;
  showAs: ShowAs;
  isCancelled: boolean;
  lastModified: string;
  originalStart?: string;
}

/** One occurrence (or single item) as seen in a calendar view. */
export interface ExpandedItem extends ItemFields {
  kind: 'Single' | 'Occurrence' | 'Exception';
  master: SimEvent;
}

/** A contact in a mailbox's Contacts folder (EWS Contact, Graph contact). Dates are YYYY-MM-DD. */
export interface SimContact {
  kind: 'contact';
  id: string;
  changeKey: string;
  mailbox: string;
  folderId: string;
  displayName: string;
  givenName: string;
  middleName: string;
  surname: string;
  nickname: string;
  companyName: string;
  jobTitle: string;
  department: string;
  /** EmailAddress1..3 in this order. */
  emails: Array<{ address: string; name?: string }>;
  /** business: BusinessPhone, BusinessPhone2; home: HomePhone, HomePhone2; mobile: MobilePhone. */
  phones: Array<{ type: 'business' | 'home' | 'mobile'; number: string }>;
  addresses: Array<{
    type: 'business' | 'home' | 'other';
    street: string;
    city: string;
    state: string;
    postalCode: string;
    countryOrRegion: string;
  }>;
  birthday?: string;
  categories: string[];
  notes: string;
  created: string;
  lastModified: string;
}

/** A task in a mailbox's Tasks folder (EWS Task, Graph To Do task). Dates are YYYY-MM-DD in the mailbox's zone. */
export interface SimTask {
  kind: 'task';
  id: string;
  changeKey: string;
  mailbox: string;
  folderId: string;
  subject: string;
  body: string;
  status: 'notStarted' | 'inProgress' | 'completed' | 'waitingOnOthers' | 'deferred';
  importance: 'Low' | 'Normal' | 'High';
  startDate?: string;
  dueDate?: string;
  completedDate?: string;
  categories: string[];
  created: string;
  lastModified: string;
}

export type SimItem = SimContact | SimTask;
