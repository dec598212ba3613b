// An in-memory Connector for pump tests: mailboxes → folders → stored items (a single event or a series with
// its expanded occurrences). It counts requests like the simulator does, keeps a change log per folder for
// syncChanges, and can fail a mailbox (at once or mid-stream) to prove failures stay contained.
import type { Connector, SyncResult } from '../../src/core/connectors/connector.js';
import { CalpumpError } from '../../src/core/errors/calpump-error.js';
import type { Change, Folder, NormalisedEvent } from '../../src/shared/model.js';

export interface StoredItem {
  id: string;
  /** The events this item shows in a calendar view: one for a single item, the occurrences for a series. */
  events: NormalisedEvent[];
}

interface FolderData {
  items: Map<string, StoredItem>;
  version: number;
  /** item id → version of its last change, and whether that change deleted it. */
  changed: Map<string, { version: number; deleted: boolean }>;
}

export interface FakeFailure {
  error: CalpumpError;
  /** Fail after this many events have been streamed (default 0: at the first request). */
  afterEvents?: number;
  /** Fail only this many times, then succeed (default: always). */
  times?: number;
}

let seq = 0;
export function makeEvent(over: Partial<NormalisedEvent> & { start: string; end: string }): NormalisedEvent {
  const n = ++seq;
  const id = over.id ?? `item-${n}`;
  return {
    id,
    iCalUId: `uid-${id}@contoso.com`,
    subject: `Meeting ${n}`,
    timeZone: 'Europe/Berlin',
    isAllDay: false,
    location: 'Room 1',
    organizer: { name: 'Anna Schmidt', email: 'anna.schmidt@contoso.com' },
    showAs: 'busy',
    sensitivity: 'normal',
    isCancelled: false,
    categories: [],
    lastModified: '2026-01-01T08:00:00.000Z',
    ...over,
  };
}

/** A daily series of `count` occurrences starting at `first` (ISO), each `minutes` long. */
export function makeSeries(id: string, first: string, count: number, minutes = 30, over: Partial<NormalisedEvent> = {}): StoredItem {
  const uid = `series-${id}@contoso.com`;
  const events = Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.parse(first) + i * 86_400_000);
    const iso = start.toISOString();
    return makeEvent({
      id: `${id}-occ-${i}`,
      seriesId: id,
      iCalUId: uid,
      originalStart: iso,
      start: iso,
      end: new Date(start.getTime() + minutes * 60_000).toISOString(),
      subject: `Stand-up ${id}`,
      ...over,
    });
  });
  return { id, events };
}

export class FakeConnector implements Connector {
  readonly kind = 'ews' as const;
  readonly mailboxes = new Map<string, Map<string, FolderData>>();
  readonly failures = new Map<string, FakeFailure>();
  readonly requests: Array<{ op: string; mailbox: string; folder: string }> = [];
  supportsSync = true;
  closed = false;

  constructor() {
    // syncChanges is optional in the contract; tests switch it off to cover connectors without it.
    Object.defineProperty(this, 'syncChanges', {
      get: () => (this.supportsSync ? this.doSyncChanges.bind(this) : undefined),
    });
  }

  syncChanges?: (mailbox: string, folderId: string, state: string | undefined) => Promise<SyncResult>;

  private folder(mailbox: string, folderId: string, create = false): FolderData {
    const key = mailbox.toLowerCase();
    let m = this.mailboxes.get(key);
    if (!m) {
      if (!create) throw new CalpumpError('ews.mailbox.notFound', { params: { mailbox } });
      m = new Map();
      this.mailboxes.set(key, m);
    }
    let f = m.get(folderId);
    if (!f) {
      if (!create) throw new CalpumpError('ews.folder.notFound', { params: { mailbox, folder: folderId } });
      f = { items: new Map(), version: 1, changed: new Map() };
      m.set(folderId, f);
    }
    return f;
  }

  put(mailbox: string, folderId: string, item: StoredItem | NormalisedEvent): void {
    const stored: StoredItem = 'events' in item ? item : { id: item.id, events: [item] };
    const f = this.folder(mailbox, folderId, true);
    f.version++;
    f.items.set(stored.id, stored);
    f.changed.set(stored.id, { version: f.version, deleted: false });
  }

  remove(mailbox: string, folderId: string, itemId: string): void {
    const f = this.folder(mailbox, folderId);
    if (!f.items.delete(itemId)) throw new Error(`no item ${itemId}`);
    f.version++;
    f.changed.set(itemId, { version: f.version, deleted: true });
  }

  item(mailbox: string, folderId: string, itemId: string): StoredItem {
    const it = this.folder(mailbox, folderId).items.get(itemId);
    if (!it) throw new Error(`no item ${itemId}`);
    return it;
  }

  count(op?: string, mailbox?: string): number {
    return this.requests.filter((r) => (!op || r.op === op) && (!mailbox || r.mailbox === mailbox.toLowerCase())).length;
  }

  private request(op: string, mailbox: string, folder: string): void {
    this.requests.push({ op, mailbox: mailbox.toLowerCase(), folder });
    const f = this.failures.get(mailbox.toLowerCase());
    if (f && !f.afterEvents) this.consumeFailure(mailbox, f);
  }

  private consumeFailure(mailbox: string, f: FakeFailure): never {
    if (f.times !== undefined && --f.times <= 0) this.failures.delete(mailbox.toLowerCase());
    throw f.error;
  }

  async test(): Promise<never> {
    throw new Error('not used by pump tests');
  }

  async listMailboxes(search?: string) {
    const items = [...this.mailboxes.keys()]
      .filter((smtp) => !search || smtp.includes(search.toLowerCase()))
      .sort()
      .map((smtp) => ({ id: smtp, displayName: smtp, smtp, kind: smtp.startsWith('room.') ? ('room' as const) : ('user' as const) }));
    return { items };
  }

  async folderTree(mailbox: string): Promise<Folder[]> {
    this.request('folderTree', mailbox, '');
    const m = this.mailboxes.get(mailbox.toLowerCase());
    if (!m) throw new CalpumpError('ews.mailbox.notFound', { params: { mailbox } });
    return [...m.entries()].map(([id, f]) => ({
      id,
      name: id,
      path: id,
      kind: 'calendar' as const,
      distinguishedId: id === 'calendar' ? 'calendar' : undefined,
      parentId: id === 'calendar' ? undefined : 'calendar',
      totalCount: f.items.size,
      childCount: 0,
    }));
  }

  async *calendarView(mailbox: string, folderId: string, from: Date, to: Date): AsyncIterable<NormalisedEvent> {
    this.request('calendarView', mailbox, folderId);
    const f = this.folder(mailbox, folderId);
    const events = [...f.items.values()]
      .flatMap((i) => i.events)
      .filter((e) => Date.parse(e.start) < to.getTime() && Date.parse(e.end) > from.getTime())
      .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
    let n = 0;
    for (const e of events) {
      const fail = this.failures.get(mailbox.toLowerCase());
      if (fail?.afterEvents !== undefined && n >= fail.afterEvents) this.consumeFailure(mailbox, fail);
      n++;
      yield structuredClone(e);
    }
  }

  private async doSyncChanges(mailbox: string, folderId: string, state: string | undefined): Promise<SyncResult> {
    this.request('syncChanges', mailbox, folderId);
    const f = this.folder(mailbox, folderId);
    const m = /^fake:(\d+)$/.exec(state ?? '');
    const since = m ? Number(m[1]) : 0;
    const invalid = state !== undefined && (!m || since > f.version);
    const from = invalid ? 0 : since;
    const changes: Change[] = [];
    for (const [id, c] of f.changed) {
      if (c.version <= from) continue;
      if (c.deleted) {
        if (from > 0) changes.push({ kind: 'delete', id });
      } else {
        const item = f.items.get(id)!;
        changes.push({ kind: from === 0 ? 'create' : 'update', event: structuredClone(item.events[0]) });
      }
    }
    return { changes, nextState: `fake:${f.version}`, fullResync: invalid || undefined };
  }

  async describe() {
    return { kind: 'fake' };
  }

  async close() {
    this.closed = true;
  }
}
