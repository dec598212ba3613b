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
  /** name, SMTP and UPN joined by NUL (never typed), so one substring test covers all three. */
  hay: string;
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
  private candidates: Int32Array | null = null;
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
    // NUL separates the indexed fields; it cannot be typed, but a pasted one must not match across fields.
    const next = query.trim().toLowerCase().replace(/\0/g, '');
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

  // Typed arrays for positions and flags: a keystroke over 50,000 mailboxes must not churn the garbage collector.
  private scan(q: string, from: Int32Array | null): Int32Array {
    const idx = this.index;
    const n = from ? from.length : idx.length;
    const out = new Int32Array(n);
    let k = 0;
    for (let j = 0; j < n; j++) {
      const i = from ? from[j] : j;
      if (matches(idx[i], q)) out[k++] = i;
    }
    return out.subarray(0, k);
  }

  private partition(q: string, positions: Int32Array | null): MailboxListView {
    const kind = this.kind;
    const sorted = this.sorted;
    if (!q || !positions) {
      const items = kind === 'all' ? sorted : sorted.filter((m) => m.kind === kind);
      return { items, prefixCount: 0, total: sorted.length };
    }
    // Pass 1: classify (0 = other kind, 1 = prefix hit, 2 = substring hit) and count; pass 2: place.
    const cls = new Uint8Array(positions.length);
    let prefixCount = 0;
    let restCount = 0;
    for (let j = 0; j < positions.length; j++) {
      const i = positions[j];
      if (kind !== 'all' && sorted[i].kind !== kind) continue;
      if (isPrefix(this.index[i], q)) {
        cls[j] = 1;
        prefixCount++;
      } else {
        cls[j] = 2;
        restCount++;
      }
    }
    const items = new Array<Mailbox>(prefixCount + restCount);
    let p = 0;
    let r = prefixCount;
    for (let j = 0; j < positions.length; j++) {
      if (cls[j] === 1) items[p++] = sorted[positions[j]];
      else if (cls[j] === 2) items[r++] = sorted[positions[j]];
    }
    return { items, prefixCount, total: sorted.length };
  }

  private rebuild(): void {
    // Pages arrive one by one while the user may already be typing: sort only the new page and merge it into
    // the sorted list (O(n)), instead of re-sorting everything per page.
    const fresh = this.pending.map((m) => ({ m, e: indexOf(m) }));
    this.pending = [];
    fresh.sort((a, b) => compare(a.e, b.e));
    const sorted = new Array<Mailbox>(this.sorted.length + fresh.length);
    const index = new Array<Index>(sorted.length);
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
  const name = m.displayName.toLowerCase();
  const smtp = m.smtp.toLowerCase();
  const upn = (m.upn ?? '').toLowerCase();
  // join() yields a flat string; a template literal would leave a rope that the first search has to flatten.
  return { name, smtp, upn, hay: [name, smtp, upn].join('\0') };
}

// Plain code-unit comparison on pre-lowered keys: stable and ~10x faster than localeCompare on 50k items.
function compare(a: Index, b: Index): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.smtp < b.smtp ? -1 : a.smtp > b.smtp ? 1 : 0;
}

function matches(e: Index, q: string): boolean {
  return e.hay.includes(q);
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
