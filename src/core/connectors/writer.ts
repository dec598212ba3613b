// The write direction of a backend (import jobs, two-way rules). Every item Calpump creates carries extended
// properties in Calpump's own property set: the source key, the scope (import job or two-way rule) and a hash
// of what was written. listOwned finds items by those tags only, so an item a user created — even with the
// same subject — is never listed, updated or deleted by an import.
import { createHash } from 'node:crypto';
import type { Sensitivity, ShowAs } from '../../shared/model.js';
import type { CalpumpError } from '../errors/calpump-error.js';
import type { HasServerWaits } from '../net/server-wait.js';

/** Calpump's MAPI named-property set (PS_PUBLIC_STRINGS would collide with other tools' names). */
export const CALPUMP_PROPERTY_SET_ID = 'ae262990-7875-4610-94a1-36b0b181a6ae';
export const TAG_NAMES = { sourceKey: 'CalpumpSourceKey', scope: 'CalpumpScope', hash: 'CalpumpContentHash' } as const;
export type TagName = keyof typeof TAG_NAMES;

/** What Calpump writes. Times as in NormalisedEvent: ISO UTC; all-day = [date 00:00Z, next date 00:00Z). */
export interface Appointment {
  subject: string;
  start: string;
  end: string;
  isAllDay: boolean;
  /** IANA zone: all-day items are placed on these dates in this zone; timed items show in it. */
  timeZone: string;
  location: string;
  body?: string;
  showAs: ShowAs;
  sensitivity: Sensitivity;
  categories: string[];
  /** Minutes before start; undefined = reminder off. */
  reminderMinutes?: number;
}

export interface ItemTag {
  /** Import job id or two-way rule id: listOwned(…, { scope }) sees only its own items. */
  scope: string;
  /** Identity of the row/item in its source (e.g. the CSV id column, an iCalendar UID). */
  sourceKey: string;
}

export interface OwnedItem extends Appointment, ItemTag {
  id: string;
  changeKey: string;
  lastModified: string;
  /** appointmentHash() of what Calpump last wrote; undefined when the item was tagged by an older build. */
  contentHash?: string;
}

/** Fields an update can be limited to (see WriteRequest.fields). */
export type AppointmentField =
  'subject' | 'start' | 'end' | 'isAllDay' | 'location' | 'showAs' | 'sensitivity' | 'categories' | 'body' | 'reminder';

export interface WriteRequest {
  appointment: Appointment;
  /**
   * On update, write only these fields (default: all). Two-way rules use it on items Calpump did not create,
   * and on single occurrences of a series, which accept only some fields.
   */
  fields?: AppointmentField[];
  /** Written on create and kept on update. Omit only to update an item Calpump did not create (two-way). */
  tag?: ItemTag;
  /** Update this item instead of creating one. */
  existing?: { id: string; changeKey?: string };
  /** With existing.changeKey: fail with write.conflict if the item changed since it was read. */
  ifUnchanged?: boolean;
}

export interface WriteOutcome {
  action: 'create' | 'update' | 'delete';
  ok: boolean;
  id?: string;
  changeKey?: string;
  /** Set when ok is false (write.conflict, write.refused, ews.*, graph.*, net.*). */
  error?: CalpumpError;
}

export interface ListOwnedOptions {
  /** Only items of this scope (default: every item Calpump tagged). */
  scope?: string;
  /** Only items overlapping [from, to). */
  from?: Date;
  to?: Date;
}

/** serverWaits: where its requests announce the waits the server asks for (net/server-wait.ts). */
export interface CalendarWriter extends HasServerWaits {
  readonly kind: 'ews' | 'graph';
  /** Requests the backend takes in one round trip (EWS CreateItem items, Graph $batch members). */
  readonly maxBatch: number;
  listOwned(mailbox: string, folder: string, opts?: ListOwnedOptions): Promise<OwnedItem[]>;
  /**
   * Creates (no `existing`) or updates items. Outcomes come back in request order; a failing item or a
   * failing request yields outcomes with ok=false rather than a throw, so one mailbox never stops the rest.
   */
  upsert(mailbox: string, folder: string, requests: WriteRequest[]): Promise<WriteOutcome[]>;
  /**
   * Deletes items by id (ids from listOwned). An item already gone counts as deleted. By default to Deleted Items
   * (a wrong source can be undone); `permanent` (write checks) leaves nothing behind where the backend allows it.
   */
  delete(mailbox: string, ids: string[], opts?: { permanent?: boolean }): Promise<WriteOutcome[]>;
  close(): Promise<void>;
}

/** A short, stable digest of everything Calpump writes; equal hashes mean "nothing to update". */
export function appointmentHash(a: Appointment): string {
  const canonical = JSON.stringify([
    a.subject,
    new Date(a.start).toISOString(),
    new Date(a.end).toISOString(),
    a.isAllDay,
    a.isAllDay ? a.timeZone : '',
    a.location,
    a.body ?? '',
    a.showAs,
    a.sensitivity,
    [...a.categories].sort(),
    a.reminderMinutes ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

/** The three tag values of a request, in a fixed order (sourceKey, scope, hash). */
export function tagValues(req: WriteRequest): Array<[TagName, string]> {
  if (!req.tag) return [];
  return [
    ['sourceKey', req.tag.sourceKey],
    ['scope', req.tag.scope],
    ['hash', appointmentHash(req.appointment)],
  ];
}
