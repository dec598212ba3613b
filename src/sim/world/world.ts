// SimWorld: the in-memory store both front ends serve from, plus lookups. Created by createWorld().
import type { SimAccount, SimAutomaticReplies, SimEvent, SimFolder, SimGroup, SimItem, SimMailbox, SimRoomList } from './types.js';
import type { EventSpec } from './event-builder.js';

/** Test-facing changes to contacts and tasks (created by mutate-items.ts). */
export interface ItemMutations {
  /** Changes fields of a contact or task (its kind, id, mailbox and folder stay). */
  updateItem(id: string, patch: Partial<SimItem>): SimItem;
  deleteItem(id: string): void;
  /**
   * Moves a contact or task to another folder, as EWS MoveItem does — also into a folder of another kind (a task
   * among contacts), which a reader of that folder must leave out and report.
   */
  moveItem(id: string, folderId: string): SimItem;
}

/** Test-facing mutations (created by mutate.ts's createMutations). */
export interface WorldMutations extends ItemMutations {
  /** Move a single item, or one occurrence of a series (creates or updates an exception). */
  moveEvent(id: string, start: Date | string, end: Date | string): SimEvent;
  changeSubject(id: string, subject: string): SimEvent;
  /** Delete a single item or whole series (master id), or one occurrence (occurrence id). */
  deleteEvent(id: string): void;
  /** Add an event to a mailbox folder ('calendar' or a folder id); returns the stored event. */
  addEvent(smtp: string, folder: string, spec: Omit<EventSpec, 'organizer'> & { organizer?: EventSpec['organizer'] }): SimEvent;
  /** Store an already built event (CreateItem); assigns id/changeKey/folder. */
  insertEvent(ev: Omit<SimEvent, 'id' | 'changeKey' | 'mailbox' | 'folderId'>, smtp: string, folderId: string): SimEvent;
  /** Apply field changes to a single item/master or to one occurrence. */
  updateEvent(
    id: string,
    patch: Partial<Pick<SimEvent, 'subject' | 'start' | 'end' | 'location' | 'showAs' | 'isCancelled'>> & Partial<SimEvent>,
  ): SimEvent;
}

export interface SimWorld {
  seed: number;
  /** Monday (UTC) of the week the relative seed dates hang off, YYYY-MM-DD. */
  anchor: string;
  domain: string;
  netbios: string;
  accounts: SimAccount[];
  mailboxes: Map<string, SimMailbox>;
  folders: Map<string, SimFolder>;
  events: Map<string, SimEvent>;
  /** Contacts and tasks (seeded users' Contacts and Tasks folders), by id. */
  items: Map<string, SimItem>;
  /** folder id → ids of the events in it. */
  folderItems: Map<string, Set<string>>;
  roomLists: SimRoomList[];
  /** Distribution and security groups (members may be groups again); tests edit members between runs. */
  groups: SimGroup[];
  /** Mail contacts outside the organisation that groups may list. */
  contacts: Array<{ smtp: string; displayName: string }>;
  /**
   * Automatic replies by mailbox (lower-case SMTP); a mailbox without an entry has them off (Disabled). Tests
   * set entries between runs (see automatic-replies.ts for the seed and the default).
   */
  automaticReplies: Map<string, SimAutomaticReplies>;
  /** Mailboxes outside the ApplicationImpersonation management scope. */
  impersonationExcluded: string[];
  /** World change sequence; SyncFolderItems states are positions in it. */
  seq: number;
  /** Per-mailbox id counters (deterministic ids for added items). */
  idCounters: Map<string, number>;
  now(): Date;
  mutate: WorldMutations;
  /** Autodiscover redirects by e-mail address (tests may add more, e.g. a redirectUrl to another host). */
  autodiscoverRedirects: Record<string, { redirectAddr?: string; redirectUrl?: string }>;
  /** Meeting requests/cancellations the server "sent" (SendMeetingInvitations…), for write-path tests. */
  outbox: SimMessage[];
}

export interface SimMessage {
  kind: 'request' | 'update' | 'cancellation';
  from: string;
  to: string[];
  subject: string;
  itemId: string;
  sentAt: string;
}

export function mailboxOf(world: SimWorld, smtp: string): SimMailbox | undefined {
  return world.mailboxes.get(smtp.trim().toLowerCase());
}

export function folderOf(world: SimWorld, smtp: string, folder: string): SimFolder | undefined {
  const mb = mailboxOf(world, smtp);
  if (!mb) return undefined;
  const id = mb.distinguished[folder.toLowerCase()] ?? folder;
  const f = world.folders.get(id);
  return f && f.mailbox === mb.smtp ? f : undefined;
}

export function eventsInFolder(world: SimWorld, folderId: string): SimEvent[] {
  const ids = world.folderItems.get(folderId);
  if (!ids) return [];
  return [...ids].map((id) => world.events.get(id)!).filter(Boolean);
}

const childIndex = new WeakMap<SimWorld, { size: number; byParent: Map<string, SimFolder[]> }>();

/** Direct subfolders (folders are only created at seed time, so the index is rebuilt only if the count changes). */
export function childFolders(world: SimWorld, parentId: string): SimFolder[] {
  let idx = childIndex.get(world);
  if (!idx || idx.size !== world.folders.size) {
    const byParent = new Map<string, SimFolder[]>();
    for (const f of world.folders.values()) {
      if (!f.parentId) continue;
      const list = byParent.get(f.parentId) ?? [];
      list.push(f);
      byParent.set(f.parentId, list);
    }
    idx = { size: world.folders.size, byParent };
    childIndex.set(world, idx);
  }
  return idx.byParent.get(parentId) ?? [];
}

/** Logon name → account: UPN, DOMAIN\sam, sam alone, or primary SMTP (Exchange accepts all four). */
export function findAccount(world: SimWorld, login: string, domainHint?: string): SimAccount | undefined {
  const l = login.trim().toLowerCase();
  let domain = domainHint?.toLowerCase();
  let name = l;
  const slash = l.indexOf('\\');
  if (slash >= 0) {
    domain = l.slice(0, slash);
    name = l.slice(slash + 1);
  }
  if (name.includes('@')) {
    return world.accounts.find((a) => a.upn.toLowerCase() === name || a.smtp?.toLowerCase() === name);
  }
  const okDomain = !domain || domain === world.netbios.toLowerCase() || domain === world.domain || domain === 'corp.contoso.local';
  return okDomain ? world.accounts.find((a) => a.samAccountName.toLowerCase() === name) : undefined;
}

export function nextItemId(world: SimWorld, smtp: string, make: (smtp: string, n: number) => string): string {
  const n = (world.idCounters.get(smtp) ?? 0) + 1;
  world.idCounters.set(smtp, n);
  return make(smtp, n);
}

export function recordChange(world: SimWorld, folderId: string, kind: 'create' | 'update' | 'delete', itemId: string): void {
  world.seq += 1;
  world.folders.get(folderId)?.changes.push({ seq: world.seq, kind, itemId });
}
