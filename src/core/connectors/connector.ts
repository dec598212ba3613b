// The one interface both backends implement (DESIGN.md "Connector"). Everything above it — CLI, pump, doctor,
// UI — sees only these normalised types. Failures are thrown as CalpumpError with a catalogue id.
import type { TextRef } from '../../shared/errors.js';
import type { EventField } from '../../shared/event-fields.js';
import type { CalpumpError } from '../errors/calpump-error.js';
import type { HasServerWaits } from '../net/server-wait.js';
import type { NormalisedItem } from '../../shared/item-model.js';
import type {
  Change,
  Folder,
  FolderKind,
  FreeBusyBlock,
  Mailbox,
  MailboxPage,
  NormalisedEvent,
  Recurrence,
  TestStep,
} from '../../shared/model.js';

/** An item a read leaves out on purpose (not a calendar item, no start, an unknown time zone), with its id. */
export interface ItemSkip {
  itemId: string;
  /** Its subject, so an administrator can find it in Outlook; never for a private or confidential item. */
  subject?: string;
  error: CalpumpError;
}

/** The longest subject a skip keeps (a run record holds up to a hundred of them). */
const SKIP_SUBJECT_MAX = 255;

/**
 * The subject a skipped item may show: only when the item says it is normal or personal (never for a private or
 * confidential one, nor when its sensitivity is unknown), at most 255 characters.
 */
export function skipSubject(subject: string | undefined, sensitivity: string | undefined): string | undefined {
  if (!subject || !/^(normal|personal)$/i.test(sensitivity ?? '')) return undefined;
  return subject.length > SKIP_SUBJECT_MAX ? `${subject.slice(0, SKIP_SUBJECT_MAX - 1)}…` : subject;
}

/** Told about every skipped item, so a run can count and list them (connectors also log each one). */
export type ItemSkipReporter = (skip: ItemSkip) => void;

export interface CalendarViewOptions {
  /** Include the body text (opt-in: bodies are large and may be confidential). */
  includeBody?: boolean;
  /**
   * Attendee lists (default true). EWS cannot return attendees from FindItem, so they cost a GetItem per 50
   * items; a door sign or occupancy export that needs none reads one request per page instead.
   */
  includeAttendees?: boolean;
  /**
   * The fields the caller uses (absent: all). A connector asks the server for no more than these need — EWS leaves
   * properties out of FindItem and skips ResolveNames for organizers and GetItem for series masters; Graph narrows
   * $select — and the others come back empty ('' , [], false) or absent. includeBody/includeAttendees still apply.
   */
  fields?: readonly EventField[];
  signal?: AbortSignal;
  onItemSkipped?: ItemSkipReporter;
}

export interface ReadItemsOptions {
  /** Contact notes and task bodies as text (opt-in, like event bodies). */
  includeBody?: boolean;
  signal?: AbortSignal;
  onItemSkipped?: ItemSkipReporter;
}

export interface AvailabilityOptions {
  /**
   * Called for each mailbox the server could not answer for (unknown address, no free/busy right, a cross-forest
   * failure). Its blocks are absent from the result, so without this a failure would look like a free calendar.
   */
  onMailboxError?: (mailbox: string, error: CalpumpError) => void;
}

/** What changed, without event data (SyncOptions.idsOnly). */
export interface ChangeRef {
  kind: 'create' | 'update' | 'delete';
  id: string;
}

/** A mailbox's automatic replies (out of office): off, on, or on within a window (EWS OofSettings, Graph automaticRepliesSetting). */
export interface AutomaticReplies {
  state: 'disabled' | 'enabled' | 'scheduled';
  /** ISO UTC; only for 'scheduled'. */
  start?: string;
  end?: string;
}

export interface SyncOptions {
  /**
   * Ids and kinds only: the result's `changeIds` lists every change and `changes` stays EMPTY (a caller that
   * re-reads the window on any create/update needs no event data; EWS then skips a GetItem pass over every
   * changed item). Connectors that ignore it fill `changes` as usual, so read both.
   */
  idsOnly?: boolean;
  /**
   * The folder holds contacts or tasks (absent: calendar items). EWS syncs any folder alike; Graph asks another
   * delta function (contacts/delta, To Do tasks/delta) and answers with ids only.
   */
  content?: 'contacts' | 'tasks';
  onItemSkipped?: ItemSkipReporter;
}

export interface SyncResult {
  changes: Change[];
  /** Set when idsOnly was asked and honoured. */
  changeIds?: ChangeRef[];
  /** Opaque state to store and pass back next time (EWS SyncState, Graph deltaLink). */
  nextState: string;
  /** True when the given state was invalid/expired and a full read was done instead. */
  fullResync?: boolean;
}

/** One folder of a syncChangesMany call. */
export interface SyncRequest {
  mailbox: string;
  folderId: string;
  state: string | undefined;
}

export interface TestOptions {
  onStep?: (step: TestStep) => void;
}

/** serverWaits: where its requests announce the waits the server asks for (net/server-wait.ts). */
export interface Connector extends HasServerWaits {
  readonly kind: 'ews' | 'graph';
  /**
   * Connection steps for one mailbox, each pass/fail with the catalogue id of a failure. Never throws for a failed
   * step. `onStep` hears each step as it finishes (the UI streams them, so a slow step never looks like a hang).
   */
  test(mailbox: string, opts?: TestOptions): Promise<TestStep[]>;
  listMailboxes(search?: string, cursor?: string): Promise<MailboxPage>;
  /** Folders of a mailbox; kinds filters (default: calendar only), read from the calendar root and from msgfolderroot. */
  folderTree(mailbox: string, kinds?: FolderKind[]): Promise<Folder[]>;
  /** Occurrences expanded, ordered by start; paged and split internally for large windows. folderId may be 'calendar'. */
  calendarView(mailbox: string, folderId: string, from: Date, to: Date, opts?: CalendarViewOptions): AsyncIterable<NormalisedEvent>;
  /**
   * The patterns of series masters (the seriesId of occurrences), by id: one bounded request per batch. A master
   * gone since the read has no entry. The calendar view returns occurrences only, without their series' pattern.
   */
  seriesRecurrence?(mailbox: string, seriesIds: readonly string[]): Promise<Map<string, Recurrence>>;
  /**
   * Every contact or task of a folder ('contacts', 'tasks' or a folder id), read in full: these have no window.
   * Items of another kind in the folder (a distribution list among contacts) are reported skips.
   */
  readItems?(mailbox: string, folderId: string, content: 'contacts' | 'tasks', opts?: ReadItemsOptions): AsyncIterable<NormalisedItem>;
  syncChanges?(mailbox: string, folderId: string, state: string | undefined, opts?: SyncOptions): Promise<SyncResult>;
  /**
   * Where the backend can batch across mailboxes (Graph $batch): the changes of many folders in few requests, with
   * at most `concurrency` requests in flight. One result or error per request, in order; never throws for one folder.
   */
  syncChangesMany?(requests: SyncRequest[], opts?: SyncOptions & { concurrency?: number }): Promise<Array<SyncResult | Error>>;
  availability?(mailboxes: string[], from: Date, to: Date, opts?: AvailabilityOptions): Promise<FreeBusyBlock[]>;
  /**
   * The mailboxes of a distribution or security group, nested groups expanded (each group once, so a cycle ends);
   * contacts and other recipients without a mailbox are left out. Throws pump.group.notFound for an unknown group.
   */
  groupMembers?(group: string): Promise<Mailbox[]>;
  /** The rooms of a room list. Throws pump.group.notFound for an unknown room list. */
  roomListMembers?(roomList: string): Promise<Mailbox[]>;
  /**
   * The mailbox's automatic-reply state and window (one bounded request). Needs more than calendar rights: EWS
   * impersonation or FullAccess on the mailbox, Graph MailboxSettings.Read; a refusal names the missing right.
   */
  automaticReplies?(mailbox: string): Promise<AutomaticReplies>;
  /** What the connection uses, for visibility in `profiles test` and logs (e.g. proxy in use, resolved EWS URL). */
  describe(): Promise<Record<string, string | TextRef>>;
  close(): Promise<void>;
}
