// createWorld({ seed, mailboxes, eventsPerMailbox }): the same options (and anchor) give an identical world.
import type { SimEvent, SimMailbox, SimPerson } from './types.js';
import type { SimWorld } from './world.js';
import { nextItemId, recordChange } from './world.js';
import { createMutations } from './mutate.js';
import { createRng, hash32 } from './prng.js';
import { buildFolders, folderKeyId } from './folders.js';
import { itemId } from './ids.js';
import {
  DOMAIN,
  IMPERSONATION_EXCLUDED,
  NETBIOS,
  SEED_CONTACTS,
  SEED_FOLDER_GRANTS,
  SEED_GROUPS,
  SEED_MAILBOXES,
  SEED_ROOM_LISTS,
  accountFor,
  generatedMailbox,
  legacyDnFor,
  type SeedMailbox,
} from './directory.js';
import { seedCanonicalEvents, seedResourceEvents, type SeedContext } from './seed-events.js';
import { seedVolumeEvents } from './volume-events.js';
import { seedItems } from './seed-items.js';
import { dateToDays, daysToDate } from './tz.js';
import { seedAutomaticReplies } from './automatic-replies.js';

export interface WorldOptions {
  seed?: number;
  /** Total mailboxes; beyond the documented seed, user0001@contoso.com … are added. */
  mailboxes?: number;
  /** Generated events per user mailbox, on top of the canonical set. */
  eventsPerMailbox?: number;
  /** Any instant in the anchor week (default: now). Seed dates are relative to that week's Monday. */
  anchor?: Date;
  /** Clock for lastModified of mutations (default Date.now). */
  now?: () => Date;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_EVENTS_PER_MAILBOX = 20;

export function anchorMonday(at: Date): string {
  const days = Math.floor(at.getTime() / 86_400_000);
  const dow = (days + 4) % 7; // 0 = Sunday
  return daysToDate(days - ((dow + 6) % 7));
}

export function createWorld(opts: WorldOptions = {}): SimWorld {
  const seed = opts.seed ?? DEFAULT_SEED;
  const anchor = anchorMonday(opts.anchor ?? new Date());
  const anchorMs = dateToDays(anchor) * 86_400_000;
  const perMailbox = opts.eventsPerMailbox ?? DEFAULT_EVENTS_PER_MAILBOX;

  const seeds: SeedMailbox[] = [...SEED_MAILBOXES];
  for (let n = 1; seeds.length < (opts.mailboxes ?? 0); n++) seeds.push(generatedMailbox(n));

  const world: SimWorld = {
    seed,
    anchor,
    domain: DOMAIN,
    netbios: NETBIOS,
    accounts: [],
    mailboxes: new Map(),
    folders: new Map(),
    events: new Map(),
    items: new Map(),
    folderItems: new Map(),
    roomLists: SEED_ROOM_LISTS.map((l) => ({ ...l, rooms: [...l.rooms] })),
    groups: SEED_GROUPS.map((g) => ({ ...g, members: [...g.members] })),
    contacts: SEED_CONTACTS.map((c) => ({ ...c })),
    automaticReplies: new Map(),
    impersonationExcluded: [...IMPERSONATION_EXCLUDED],
    seq: 0,
    idCounters: new Map(),
    now: opts.now ?? (() => new Date()),
    mutate: undefined as unknown as SimWorld['mutate'],
    // A user who moved: Autodiscover answers redirectAddr to the new address.
    autodiscoverRedirects: { 'moved.user@contoso.com': { redirectAddr: 'alice.smith@contoso.com' } },
    outbox: [],
  };
  world.mutate = createMutations(world);

  seeds.forEach((s, index) => {
    if (s.canLogon) world.accounts.push(accountFor(s, index));
    const folders = buildFolders(s.smtp, s.language, s.kind !== 'user');
    const mb: SimMailbox = {
      smtp: s.smtp,
      upn: s.upn,
      displayName: s.displayName,
      kind: s.kind,
      language: s.language,
      timeZone: s.timeZone,
      legacyDn: legacyDnFor(s.sam),
      generated: !SEED_MAILBOXES.includes(s),
      rootFolderId: folderKeyId(s.smtp, 'root'),
      distinguished: Object.fromEntries(folders.filter((f) => f.distinguishedId).map((f) => [f.distinguishedId!, f.id])),
      fullAccess: [],
      department: s.department,
      title: s.title,
      office: s.office,
      capacity: s.capacity,
    };
    world.mailboxes.set(mb.smtp, mb);
    for (const f of folders) {
      world.folders.set(f.id, f);
      world.folderItems.set(f.id, new Set());
    }
  });

  seedAutomaticReplies(world);

  for (const [smtp, key, principal, role] of SEED_FOLDER_GRANTS) {
    const f = world.folders.get(folderKeyId(smtp, key));
    if (f) f.permissions[principal] = role;
  }

  const users = [...world.mailboxes.values()].filter((m) => m.kind === 'user' && !m.smtp.startsWith('svc-'));
  const rooms: SimPerson[] = [...world.mailboxes.values()]
    .filter((m) => m.kind === 'room')
    .map((m) => ({ name: m.displayName, email: m.smtp }));
  // Only the seed's own people are colleagues: filtered once, not once per mailbox (50,000 mailboxes made that
  // 2.5 billion steps).
  const seedUsers = users.filter((u) => !u.generated);
  for (const mb of world.mailboxes.values()) {
    const rng = createRng(seed ^ hash32(mb.smtp));
    const colleagues = seedUsers.filter((u) => u.smtp !== mb.smtp).map((u) => ({ name: u.displayName, email: u.smtp }));
    const ctx: SeedContext = {
      rng,
      anchor,
      anchorMs,
      mailbox: mb,
      colleagues,
      rooms,
      folder: (key) => folderKeyId(mb.smtp, key),
      nextId: () => nextItemId(world, mb.smtp, itemId),
      add: (ev: SimEvent) => {
        world.events.set(ev.id, ev);
        world.folderItems.get(ev.folderId)!.add(ev.id);
        recordChange(world, ev.folderId, 'create', ev.id);
      },
    };
    if (mb.kind !== 'user') {
      seedResourceEvents(ctx);
      continue;
    }
    if (!mb.generated) seedCanonicalEvents(ctx);
    seedVolumeEvents(ctx, perMailbox);
    // After the events, so adding contacts and tasks left every event id as it was.
    if (!mb.generated)
      seedItems({
        anchor,
        mailbox: mb,
        folder: (key) => ctx.folder(key),
        nextId: () => ctx.nextId(),
        at: new Date(anchorMs + 6 * 3_600_000).toISOString(),
        add: (item) => {
          world.items.set(item.id, item);
          world.folderItems.get(item.folderId)!.add(item.id);
          recordChange(world, item.folderId, 'create', item.id);
        },
      });
  }
  return world;
}
