// Search-as-you-type over tens of thousands of mailboxes without a DOM. The search index (lower-cased display
// name, SMTP and UPN) is built once per load; typing a longer query only re-checks the previous matches, so
// each keystroke costs O(matches) instead of O(all mailboxes). Prefix hits (start of the name, of a word in
// the name, of the SMTP address or of the UPN) come before plain substring hits; each group keeps name order.
import type { Mailbox } from '../../shared/model.js';

export type MailboxKindFilter = 'all' | Mailbox['kind'];

export interface MailboxListView {
  /** Matching mailboxes in display order. */
  readonly items: readonly Mailbox[];
  /** How many of the leading items are prefix hits. */
  readonly prefixCount: number;
  readonly total: number;
}

interface Index {
  name: string;
  smtp: string;
  upn: string;
}

export class MailboxListModel {
  private sorted: Mailbox[] = [];
  private index: Index[] = [];
  private seen = new Set<string>();
  private dirty = false;
  private pending: Mailbox[] = [];
  private query = '';
  private kind: MailboxKindFilter = 'all';
  /** Ascending positions in `sorted` matching `candidatesFor` (any kind); narrowed when the query grows. */
  private candidates: number[] | null = null;
  private candidatesFor = '';
  private view: MailboxListView | null = null;

  constructor(items: readonly Mailbox[] = []) {
    this.append(items);
  }

  get size(): number {
    return this.sorted.length + this.pending.length;
  }

  get currentQuery(): string {
    return this.query;
  }

  /** Replaces every mailbox (a fresh load, e.g. another profile). */
  reset(items: readonly Mailbox[] = []): void {
    this.sorted = [];
    this.index = [];
    this.seen.clear();
    this.pending = [];
    this.append(items);
  }

  /** Adds a page from the server; duplicates (same id) are ignored so a re-read page is harmless. */
  append(items: readonly Mailbox[]): void {
    for (const m of items) {
      if (this.seen.has(m.id)) continue;
      this.seen.add(m.id);
      this.pending.push(m);
    }
    if (items.length > 0) {
      this.dirty = true;
      this.candidates = null;
      this.view = null;
    }
  }

  setQuery(query: string): MailboxListView {
    const next = query.trim().toLowerCase();
    if (next !== this.query) {
      this.query = next;
      this.view = null;
    }
    return this.current();
  }

  setKind(kind: MailboxKindFilter): MailboxListView {
    if (kind !== this.kind) {
      this.kind = kind;
      this.view = null;
    }
    return this.current();
  }

  current(): MailboxListView {
    if (this.dirty) this.rebuild();
    if (this.view) return this.view;
    const q = this.query;
    if (!q) {
      this.candidates = null;
    } else if (!this.candidates || !q.startsWith(this.candidatesFor)) {
      this.candidates = this.scan(q, null);
    } else if (q !== this.candidatesFor) {
      // Every match of the longer query also matched the shorter one: only re-check those.
      this.candidates = this.scan(q, this.candidates);
    }
    this.candidatesFor = q;
    this.view = this.partition(q, this.candidates);
    return this.view;
  }

  private scan(q: string, from: number[] | null): number[] {
    const out: number[] = [];
    const idx = this.index;
    if (from) {
      for (const i of from) if (matches(idx[i], q)) out.push(i);
    } else {
      for (let i = 0; i < idx.length; i++) if (matches(idx[i], q)) out.push(i);
    }
    return out;
  }

  private partition(q: string, positions: number[] | null): MailboxListView {
    const kind = this.kind;
    const keep = (m: Mailbox) => kind === 'all' || m.kind === kind;
    if (!q || !positions) {
      const items = kind === 'all' ? this.sorted : this.sorted.filter(keep);
      return { items, prefixCount: 0, total: this.sorted.length };
    }
    const prefix: Mailbox[] = [];
    const rest: Mailbox[] = [];
    for (const i of positions) {
      const m = this.sorted[i];
      if (!keep(m)) continue;
      (isPrefix(this.index[i], q) ? prefix : rest).push(m);
    }
    return { items: prefix.length === 0 ? rest : prefix.concat(rest), prefixCount: prefix.length, total: this.sorted.length };
  }

  private rebuild(): void {
    // Pages arrive one by one while the user may already be typing: sort only the new page and merge it into
    // the sorted list (O(n)), instead of re-sorting everything per page.
    const fresh = this.pending.map((m) => ({ m, e: indexOf(m) }));
    this.pending = [];
    fresh.sort((a, b) => compare(a.e, b.e));
    const sorted: Mailbox[] = new Array(this.sorted.length + fresh.length);
    const index: Index[] = new Array(sorted.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < sorted.length; k++) {
      if (j >= fresh.length || (i < this.sorted.length && compare(this.index[i], fresh[j].e) <= 0)) {
        sorted[k] = this.sorted[i];
        index[k] = this.index[i++];
      } else {
        sorted[k] = fresh[j].m;
        index[k] = fresh[j++].e;
      }
    }
    this.sorted = sorted;
    this.index = index;
    this.dirty = false;
    this.candidates = null;
    this.view = null;
  }
}

function indexOf(m: Mailbox): Index {
  return { name: m.displayName.toLowerCase(), smtp: m.smtp.toLowerCase(), upn: (m.upn ?? '').toLowerCase() };
}

// Plain code-unit comparison on pre-lowered keys: stable and ~10x faster than localeCompare on 50k items.
function compare(a: Index, b: Index): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.smtp < b.smtp ? -1 : a.smtp > b.smtp ? 1 : 0;
}

function matches(e: Index, q: string): boolean {
  return e.name.includes(q) || e.smtp.includes(q) || (e.upn !== '' && e.upn.includes(q));
}

function isPrefix(e: Index, q: string): boolean {
  if (e.name.startsWith(q) || e.smtp.startsWith(q) || (e.upn !== '' && e.upn.startsWith(q))) return true;
  // Start of a later word in the display name ("smith" finds "Alice Smith").
  let at = e.name.indexOf(q);
  while (at > 0) {
    const before = e.name.charCodeAt(at - 1);
    if (before === 32 /* space */ || before === 45 /* - */ || before === 46 /* . */ || before === 40 /* ( */) return true;
    at = e.name.indexOf(q, at + 1);
  }
  return false;
}
