// Group lookups and test-facing membership edits. Exchange's ExpandDL answers one level (nested groups come back
// as PublicDL entries for the client to expand); Graph's transitiveMembers expands on the server. Both read here.
import type { SimGroup, SimMailbox } from './types.js';
import type { SimWorld } from './world.js';
import { mailboxOf } from './world.js';

export function groupOf(world: SimWorld, smtp: string): SimGroup | undefined {
  const s = smtp.trim().toLowerCase();
  return world.groups.find((g) => g.smtp === s);
}

export type GroupEntry =
  { kind: 'mailbox'; mailbox: SimMailbox } | { kind: 'group'; group: SimGroup } | { kind: 'contact'; smtp: string; displayName: string };

/** The direct members of a group, each resolved to what it is (unknown addresses are left out, as AD drops them). */
export function directMembers(world: SimWorld, group: SimGroup): GroupEntry[] {
  const out: GroupEntry[] = [];
  for (const m of group.members) {
    const mb = mailboxOf(world, m);
    const g = mb ? undefined : groupOf(world, m);
    const c = mb || g ? undefined : world.contacts.find((x) => x.smtp === m);
    if (mb) out.push({ kind: 'mailbox', mailbox: mb });
    else if (g) out.push({ kind: 'group', group: g });
    else if (c) out.push({ kind: 'contact', ...c });
  }
  return out;
}

/** Every entry under a group, nested groups included once each (the group itself is not listed). */
export function transitiveMembers(world: SimWorld, group: SimGroup): GroupEntry[] {
  const seen = new Set<string>([group.smtp]);
  const out: GroupEntry[] = [];
  const queue = [group];
  while (queue.length) {
    for (const e of directMembers(world, queue.shift()!)) {
      const key = e.kind === 'mailbox' ? e.mailbox.smtp : e.kind === 'group' ? e.group.smtp : e.smtp;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
      if (e.kind === 'group') queue.push(e.group);
    }
  }
  return out;
}

/** Adds a member (mailbox, group or contact address) to a group, as an admin would in AD. */
export function addGroupMember(world: SimWorld, group: string, member: string): void {
  const g = groupOf(world, group);
  if (!g) throw new Error(`sim: no group ${group}`);
  const m = member.trim().toLowerCase();
  if (!g.members.includes(m)) g.members.push(m);
}

export function removeGroupMember(world: SimWorld, group: string, member: string): void {
  const g = groupOf(world, group);
  if (!g) throw new Error(`sim: no group ${group}`);
  g.members = g.members.filter((x) => x !== member.trim().toLowerCase());
}
