// Deterministic synthetic mailbox lists for model tests and the list-filter benchmark.
import type { Mailbox } from '../../../src/shared/model.js';

const FIRST = [
  'Anna',
  'Jan',
  'Alice',
  'Bob',
  'Chloé',
  'Dirk',
  'Eva',
  'Femke',
  'Gerrit',
  'Hanna',
  'Ingrid',
  'Jürgen',
  'Karin',
  'Lars',
  'Maria',
  'Noah',
];
const LAST = ['Schmidt', 'de Vries', 'Smith', 'Jones', 'Müller', 'Jansen', 'Bakker', 'Visser', 'Meyer', 'Schulz', 'Peters', 'Mertens'];

export function syntheticMailboxes(n: number): Mailbox[] {
  const out: Mailbox[] = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const room = i % 50 === 7;
    const local = room ? `room.${i}` : `${first}.${last}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
    out.push({
      id: `mbx-${i}`,
      displayName: room ? `Room ${i} (Amsterdam)` : `${first} ${last} ${i}`,
      smtp: `${local}@contoso.com`,
      upn: i % 97 === 0 ? `u${i}@corp.contoso.local` : `${local}@contoso.com`,
      kind: room ? 'room' : 'user',
    });
  }
  return out;
}
