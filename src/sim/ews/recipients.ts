// Directory view of the world for ResolveNames/FindPeople: mailboxes (users, rooms, equipment) and room lists.
import type { SimMailbox } from '../world/types.js';
import type { SimWorld } from '../world/world.js';
import { esc } from '../xml/escape.js';

export interface Recipient {
  smtp: string;
  displayName: string;
  mailboxType: 'Mailbox' | 'PublicDL' | 'Contact';
  mailbox?: SimMailbox;
}

// The sorted directory is built once per world and rebuilt when mailboxes or room lists are added: every
// FindPeople page and ResolveNames call reads it, and sorting 50,000 names by locale per request made a
// directory of that size take minutes to page through.
const directories = new WeakMap<SimWorld, { mailboxes: number; roomLists: number; list: readonly Recipient[] }>();

/** Every recipient, sorted by display name then address. Read-only: shared by all requests. */
export function recipients(world: SimWorld): readonly Recipient[] {
  const known = directories.get(world);
  if (known && known.mailboxes === world.mailboxes.size && known.roomLists === world.roomLists.length) return known.list;
  const out: Recipient[] = [...world.mailboxes.values()].map((m) => ({
    smtp: m.smtp,
    displayName: m.displayName,
    mailboxType: 'Mailbox' as const,
    mailbox: m,
  }));
  for (const l of world.roomLists) out.push({ smtp: l.smtp, displayName: l.displayName, mailboxType: 'PublicDL' });
  out.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.smtp.localeCompare(b.smtp));
  directories.set(world, { mailboxes: world.mailboxes.size, roomLists: world.roomLists.length, list: out });
  return out;
}

/** Ambiguous-name style search: "SMTP:addr" and legacy DNs are exact, anything else a case-insensitive contains-match. */
export function searchRecipients(world: SimWorld, query: string): Recipient[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  // Legacy Exchange DNs (what FindItem hands out for internal organizers) resolve exactly.
  if (q.startsWith('/o=')) return recipients(world).filter((r) => r.mailbox?.legacyDn.toLowerCase() === q);
  if (q.startsWith('smtp:')) {
    const addr = q.slice(5);
    return recipients(world).filter((r) => r.smtp === addr);
  }
  return recipients(world).filter(
    (r) => r.displayName.toLowerCase().includes(q) || r.smtp.includes(q) || r.mailbox?.upn.toLowerCase() === q,
  );
}

export function emailAddressXml(tag: string, r: Recipient): string {
  return `<t:${tag}><t:Name>${esc(r.displayName)}</t:Name><t:EmailAddress>${esc(r.smtp)}</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>${r.mailboxType}</t:MailboxType></t:${tag}>`;
}
