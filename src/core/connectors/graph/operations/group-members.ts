// Group and room-list members from Graph: the group found by its mail address, then /transitiveMembers (the server
// expands nested groups, each once) paged through @odata.nextLink; only users with a mailbox count — nested groups,
// contacts and devices come back too and are left out. Room lists: /places/{address}/microsoft.graph.roomlist/rooms.
import { text } from '../../../../shared/i18n/engine-texts.js';
import type { Mailbox } from '../../../../shared/model.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { graphGet, seg, type GraphContext } from '../graph-context.js';

/** Bounds on what one group may pull in (nothing read from a network is unbounded). */
export const MAX_GROUP_MAILBOXES = 20_000;
const PAGE = 999;
const MAX_PAGES = Math.ceil((MAX_GROUP_MAILBOXES * 2) / PAGE);

interface DirectoryObject {
  '@odata.type'?: string;
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
}

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

const notFound = (group: string) => new CalpumpError('pump.group.notFound', { params: { group } });
const isNotFound = (e: unknown) => e instanceof CalpumpError && /\.notFound$/.test(e.id) && e.params.status === '404';

async function groupId(ctx: GraphContext, group: string): Promise<string> {
  const address = group.trim().toLowerCase().replace(/'/g, "''");
  // Spaces as %20, not '+': Graph reads a '+' in $filter as a plus sign (addresses may hold one, too).
  const filter = encodeURIComponent(`mail eq '${address}'`);
  const page = await graphGet<Page<DirectoryObject>>(ctx, `/groups?$filter=${filter}&$select=id,displayName,mail`);
  const found = page.value?.[0];
  if (!found?.id) throw notFound(group);
  return found.id;
}

export async function graphGroupMembers(ctx: GraphContext, group: string): Promise<Mailbox[]> {
  const id = await groupId(ctx, group);
  const q = new URLSearchParams({ $select: 'id,displayName,mail,userPrincipalName', $top: String(PAGE) });
  let url: string | undefined = `/groups/${seg(id)}/transitiveMembers?${q.toString()}`;
  const members = new Map<string, Mailbox>();
  for (let pages = 0; url; pages++) {
    if (pages >= MAX_PAGES)
      throw new CalpumpError('pump.group.incomplete', {
        params: { group, reason: text('problem.group.tooManyPages', { max: MAX_PAGES }) },
      });
    let page: Page<DirectoryObject>;
    try {
      page = await graphGet<Page<DirectoryObject>>(ctx, url);
    } catch (e) {
      if (isNotFound(e)) throw notFound(group);
      throw e;
    }
    for (const o of page.value ?? []) {
      if (o['@odata.type'] !== '#microsoft.graph.user' || !o.mail) continue;
      const key = o.mail.toLowerCase();
      if (members.has(key)) continue;
      if (members.size >= MAX_GROUP_MAILBOXES)
        throw new CalpumpError('pump.group.incomplete', {
          params: { group, reason: text('problem.group.tooManyMailboxes', { max: MAX_GROUP_MAILBOXES }) },
        });
      members.set(key, {
        id: o.id,
        displayName: o.displayName || o.mail,
        smtp: o.mail,
        upn: o.userPrincipalName ?? undefined,
        kind: 'user',
      });
    }
    url = page['@odata.nextLink'];
  }
  return [...members.values()];
}

interface Room {
  id: string;
  displayName?: string | null;
  emailAddress?: string | null;
}

export async function graphRoomListMembers(ctx: GraphContext, roomList: string): Promise<Mailbox[]> {
  let url: string | undefined = `/places/${seg(roomList.trim())}/microsoft.graph.roomlist/rooms?$top=${PAGE}`;
  const rooms = new Map<string, Mailbox>();
  for (let pages = 0; url; pages++) {
    if (pages >= MAX_PAGES)
      throw new CalpumpError('pump.group.incomplete', {
        params: { group: roomList, reason: text('problem.group.tooManyPages', { max: MAX_PAGES }) },
      });
    let page: Page<Room>;
    try {
      page = await graphGet<Page<Room>>(ctx, url);
    } catch (e) {
      if (isNotFound(e)) throw notFound(roomList);
      throw e;
    }
    for (const r of page.value ?? []) {
      if (!r.emailAddress) continue;
      const key = r.emailAddress.toLowerCase();
      rooms.set(key, { id: r.id, displayName: r.displayName || r.emailAddress, smtp: r.emailAddress, kind: 'room' });
    }
    url = page['@odata.nextLink'];
  }
  return [...rooms.values()];
}
