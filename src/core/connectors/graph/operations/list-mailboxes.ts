// Mailboxes from the directory: /users ($search needs ConsistencyLevel: eventual), rooms marked from
// /places/microsoft.graph.room. The cursor is Graph's own nextLink, so paging costs one request per page.
import { text } from '../../../../shared/i18n/engine-texts.js';
import type { Mailbox, MailboxPage } from '../../../../shared/model.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { graphGet, type GraphContext } from '../graph-context.js';

interface UserPage {
  value?: Array<{ id: string; displayName?: string; mail?: string | null; userPrincipalName?: string }>;
  '@odata.nextLink'?: string;
}

const SELECT = 'id,displayName,mail,userPrincipalName';

function searchQuery(search: string): string {
  const term = search.replace(/["\\]/g, '').trim();
  const q = new URLSearchParams({
    $search: `"displayName:${term}" OR "mail:${term}" OR "userPrincipalName:${term}"`,
    $select: SELECT,
    $top: '100',
    $orderby: 'displayName',
    $count: 'true',
  });
  return `/users?${q.toString()}`;
}

export function encodeCursor(nextLink: string): string {
  return Buffer.from(nextLink, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, graphHost: string): string {
  const link = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!link.startsWith(graphHost.replace(/\/+$/, ''))) {
    throw new CalpumpError('input.invalid', {
      params: { field: 'cursor', problem: text('problem.cursor.unknown') },
    });
  }
  return link;
}

async function roomAddresses(ctx: GraphContext): Promise<Set<string>> {
  try {
    const page = await graphGet<{ value?: Array<{ emailAddress?: string }> }>(ctx, '/places/microsoft.graph.room?$top=999');
    return new Set((page.value ?? []).map((r) => (r.emailAddress ?? '').toLowerCase()).filter(Boolean));
  } catch (e) {
    // Place.Read.All is optional: without it rooms are listed as users.
    ctx.logger.warn('graph.rooms.unavailable', { id: (e as CalpumpError).id });
    return new Set();
  }
}

export async function listMailboxes(ctx: GraphContext, search?: string, cursor?: string): Promise<MailboxPage> {
  const url = cursor
    ? decodeCursor(cursor, ctx.profile.graphHost)
    : search?.trim()
      ? searchQuery(search)
      : `/users?$select=${SELECT}&$top=100`;
  const headers: Record<string, string> = { ConsistencyLevel: 'eventual' };
  const [page, rooms] = await Promise.all([graphGet<UserPage>(ctx, url, headers), (ctx.rooms ??= roomAddresses(ctx))]);
  const items: Mailbox[] = (page.value ?? [])
    .filter((u) => u.mail)
    .map((u) => ({
      id: u.id,
      displayName: u.displayName ?? u.mail!,
      smtp: u.mail!,
      upn: u.userPrincipalName,
      kind: rooms.has(u.mail!.toLowerCase()) ? 'room' : 'user',
    }));
  const next = page['@odata.nextLink'];
  return next ? { items, nextCursor: encodeCursor(next) } : { items };
}
