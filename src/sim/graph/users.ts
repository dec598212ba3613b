// /users (list with $filter, $search + ConsistencyLevel, $top/$skiptoken paging, $count), /users/{id},
// and /places/microsoft.graph.room.
import type { SimMailbox } from '../world/types.js';
import { objectId } from '../oauth/identity.js';
import { notFoundUser, requireRole, resolveMailbox } from './access.js';
import { decodeToken, encodeToken, graphError, ok, odataContext, v1, type GraphRequest, type GraphResult } from './graph-http.js';

function userJson(m: SimMailbox): Record<string, unknown> {
  const [given, ...rest] = m.displayName.split(' ');
  return {
    businessPhones: [],
    displayName: m.displayName,
    givenName: m.kind === 'user' ? given : null,
    jobTitle: m.title ?? null,
    mail: m.smtp,
    mobilePhone: null,
    officeLocation: m.office ?? null,
    preferredLanguage: m.language === 'de' ? 'de-DE' : m.language === 'nl' ? 'nl-NL' : 'en-US',
    surname: m.kind === 'user' ? rest.join(' ') || null : null,
    userPrincipalName: m.upn,
    id: objectId(m.upn),
  };
}

/** The small $filter subset clients use: startswith(prop,'x'), prop eq 'x', joined by or. */
function filterMatches(filter: string, m: SimMailbox): boolean {
  const props: Record<string, string> = {
    displayname: m.displayName,
    mail: m.smtp,
    userprincipalname: m.upn,
    givenname: m.displayName.split(' ')[0] ?? '',
  };
  return filter.split(/\s+or\s+/i).some((clause) => {
    const sw = /^startswith\((\w+),\s*'(.*)'\)$/i.exec(clause.trim());
    if (sw) return (props[sw[1].toLowerCase()] ?? '').toLowerCase().startsWith(sw[2].replace(/''/g, "'").toLowerCase());
    const eq = /^(\w+)\s+eq\s+'(.*)'$/i.exec(clause.trim());
    if (eq) return (props[eq[1].toLowerCase()] ?? '').toLowerCase() === eq[2].replace(/''/g, "'").toLowerCase();
    return false;
  });
}

/** $search="displayName:ann" OR "mail:ann": tokenised prefix match per property. */
function searchMatches(search: string, m: SimMailbox): boolean {
  const props: Record<string, string> = { displayname: m.displayName, mail: m.smtp, userprincipalname: m.upn };
  return [...search.matchAll(/"(\w+):([^"]*)"/g)].some(([, prop, value]) => {
    const text = (props[prop.toLowerCase()] ?? '').toLowerCase();
    const v = value.toLowerCase();
    return text.split(/[\s.@_-]+/).some((w) => w.startsWith(v)) || text.startsWith(v);
  });
}

export function listUsers(req: GraphRequest): GraphResult {
  const denied = requireRole(req, 'User.Read.All', ['User.ReadBasic.All', 'User.Read.All']);
  if (denied) return denied;
  const q = req.query;
  const search = q.get('$search');
  const eventual = (req.headers['consistencylevel'] ?? '').toLowerCase() === 'eventual';
  if ((search || q.get('$count') === 'true') && !eventual) {
    return graphError(
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  }
  let all = [...req.ctx.world.mailboxes.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const filter = q.get('$filter');
  if (filter) all = all.filter((m) => filterMatches(filter, m));
  if (search) all = all.filter((m) => searchMatches(search, m));
  const top = Math.min(Number(q.get('$top') ?? 100) || 100, 999);
  const offset = decodeToken<{ o: number }>(q.get('$skiptoken'))?.o ?? 0;
  const page = all.slice(offset, offset + top);
  const body: Record<string, unknown> = { '@odata.context': odataContext(req.ctx, 'users') };
  if (q.get('$count') === 'true') body['@odata.count'] = all.length;
  if (offset + top < all.length) {
    const next = new URLSearchParams(q);
    next.set('$skiptoken', encodeToken({ o: offset + top }));
    body['@odata.nextLink'] = `${v1(req.ctx)}/users?${next.toString()}`;
  }
  body.value = page.map(userJson);
  return ok(body);
}

export function getUser(req: GraphRequest, segment: string): GraphResult {
  const denied = requireRole(req, 'User.Read.All', ['User.ReadBasic.All', 'User.Read.All']);
  if (denied) return denied;
  const mb = resolveMailbox(req, segment);
  if (!mb)
    return graphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${decodeURIComponent(segment)}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return ok({ '@odata.context': odataContext(req.ctx, 'users/$entity'), ...userJson(mb) });
}

export function listRooms(req: GraphRequest): GraphResult {
  const denied = requireRole(req, 'Place.Read.All', ['Place.Read.All']);
  if (denied) return denied;
  const rooms = [...req.ctx.world.mailboxes.values()].filter((m) => m.kind === 'room');
  return ok({
    '@odata.context': odataContext(req.ctx, 'places/microsoft.graph.room'),
    value: rooms.map((m) => ({
      id: objectId(`place:${m.smtp}`),
      displayName: m.displayName,
      emailAddress: m.smtp,
      capacity: m.capacity ?? null,
      building: null,
      floorNumber: null,
      city: m.office ?? null,
      bookingType: 'standard',
      isWheelChairAccessible: false,
      tags: [],
    })),
  });
}

export { notFoundUser };
