import { describe, expect, it } from 'vitest';
import type { Mailbox } from '../../../src/shared/model.js';
import { MailboxListModel } from '../../../src/renderer/models/mailbox-list-model.js';
import { syntheticMailboxes } from '../support/mailboxes.js';

const mb = (id: string, displayName: string, smtp: string, kind: Mailbox['kind'] = 'user', upn?: string): Mailbox => ({
  id,
  displayName,
  smtp,
  kind,
  upn,
});

const seeded = [
  mb('1', 'Anna Schmidt', 'anna.schmidt@contoso.com'),
  mb('2', 'Jan de Vries', 'jan.devries@contoso.com'),
  mb('3', 'Alice Smith', 'alice.smith@contoso.com'),
  mb('4', 'Bob Jones', 'bob.jones@contoso.com', 'user', 'b.jones@corp.contoso.local'),
  mb('5', 'Room Amsterdam', 'room.amsterdam@contoso.com', 'room'),
  mb('6', 'Hannah Banana', 'hannah@contoso.com'),
];

const names = (items: readonly Mailbox[]) => items.map((m) => m.displayName);

/** Reference implementation: what the incremental model must always agree with. */
const sortedCache = new WeakMap<Mailbox[], Mailbox[]>();
function naive(all: Mailbox[], q: string, kind: 'all' | Mailbox['kind'] = 'all'): string[] {
  const query = q.trim().toLowerCase();
  const sorted =
    sortedCache.get(all) ??
    [...all].sort((a, b) => {
      const ka = a.displayName.toLowerCase();
      const kb = b.displayName.toLowerCase();
      return ka < kb ? -1 : ka > kb ? 1 : a.smtp.toLowerCase() < b.smtp.toLowerCase() ? -1 : 1;
    });
  sortedCache.set(all, sorted);
  const hits = sorted.filter(
    (m) => (kind === 'all' || m.kind === kind) && [m.displayName, m.smtp, m.upn ?? ''].some((f) => f.toLowerCase().includes(query)),
  );
  if (!query) return names(hits);
  const isPrefix = (m: Mailbox) => {
    const n = m.displayName.toLowerCase();
    return (
      n.startsWith(query) ||
      m.smtp.toLowerCase().startsWith(query) ||
      (m.upn ?? '').toLowerCase().startsWith(query) ||
      [' ', '-', '.', '('].some((c) => n.includes(c + query))
    );
  };
  return names([...hits.filter(isPrefix), ...hits.filter((m) => !isPrefix(m))]);
}

describe('MailboxListModel', () => {
  it('lists everything sorted by display name when the query is empty', () => {
    const m = new MailboxListModel(seeded);
    expect(names(m.setQuery('').items)).toEqual([
      'Alice Smith',
      'Anna Schmidt',
      'Bob Jones',
      'Hannah Banana',
      'Jan de Vries',
      'Room Amsterdam',
    ]);
    expect(m.current().total).toBe(6);
  });

  it('matches display name, SMTP and UPN case-insensitively', () => {
    const m = new MailboxListModel(seeded);
    expect(names(m.setQuery('DEVRIES').items)).toEqual(['Jan de Vries']);
    expect(names(m.setQuery('corp.contoso.local').items)).toEqual(['Bob Jones']);
    expect(names(m.setQuery('  amsterdam ').items)).toEqual(['Room Amsterdam']);
  });

  it('puts prefix hits (name, word in name, address) before substring hits', () => {
    const m = new MailboxListModel(seeded);
    // "an": prefix of Anna; substring of Hannah (Banana) and Jan
    const v = m.setQuery('an');
    expect(names(v.items)).toEqual(['Anna Schmidt', 'Hannah Banana', 'Jan de Vries']);
    expect(v.prefixCount).toBe(1);
    const s = m.setQuery('smith');
    expect(names(s.items)).toEqual(['Alice Smith']);
    expect(s.prefixCount).toBe(1);
  });

  it('narrows, widens and changes direction like the reference implementation', () => {
    const all = syntheticMailboxes(3000);
    const m = new MailboxListModel(all);
    for (const q of ['a', 'an', 'ann', 'anna', 'anna.', 'ann', 'x', '', 'room', 'room 1', 'roo', 'jürgen', 'corp', '7@']) {
      expect(names(m.setQuery(q).items), `query "${q}"`).toEqual(naive(all, q));
    }
  });

  it('filters by kind together with the query', () => {
    const m = new MailboxListModel(seeded);
    m.setKind('room');
    expect(names(m.setQuery('').items)).toEqual(['Room Amsterdam']);
    expect(names(m.setQuery('am').items)).toEqual(['Room Amsterdam']);
    expect(names(m.setKind('user').items)).toEqual(naive(seeded, 'am', 'user'));
  });

  it('takes pages as they arrive and re-applies the current query, ignoring duplicates', () => {
    const m = new MailboxListModel(seeded.slice(0, 3));
    expect(names(m.setQuery('jones').items)).toEqual([]);
    m.append(seeded.slice(2));
    m.append([seeded[3]]);
    expect(m.size).toBe(6);
    expect(names(m.current().items)).toEqual(['Bob Jones']);
    m.reset([seeded[0]]);
    expect(m.current().items).toEqual([]);
    expect(names(m.setQuery('').items)).toEqual(['Anna Schmidt']);
  });

  it('merges pages arriving in any order into the same list as one load', () => {
    const all = syntheticMailboxes(5000);
    const paged = new MailboxListModel();
    const shuffled = [...all].reverse();
    for (let i = 0; i < shuffled.length; i += 700) {
      paged.append(shuffled.slice(i, i + 700));
      expect(paged.setQuery('an').items.length).toBeGreaterThan(0);
    }
    const once = new MailboxListModel(all);
    for (const q of ['', 'an', 'room', 'z']) expect(names(paged.setQuery(q).items)).toEqual(names(once.setQuery(q).items));
    expect(names(paged.setQuery('').items)).toEqual(naive(all, ''));
  });

  it('handles 50,000 mailboxes and keeps agreeing with the reference', () => {
    const all = syntheticMailboxes(50_000);
    const m = new MailboxListModel(all);
    for (const q of ['m', 'ma', 'mar', 'mari', 'maria', 'maria ', 'maria s']) {
      expect(names(m.setQuery(q).items)).toEqual(naive(all, q));
    }
  });
});
