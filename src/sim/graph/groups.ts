// /groups?$filter=mail eq '…', /groups/{id}/transitiveMembers (nested groups expanded on the server, each once;
// groups and contacts are listed beside users, told apart by @odata.type) and the rooms of a room list
// (/places/{address}/microsoft.graph.roomlist/rooms), in the shapes Graph v1.0 answers.
import { objectId } from '../oauth/identity.js';
import { transitiveMembers } from '../world/groups.js';
import { requireRole } from './access.js';
import { decodeToken, encodeToken, graphError, ok, odataContext, v1, type GraphRequest, type GraphResult } from './graph-http.js';

const groupObjectId = (smtp: string) => objectId(`group:${smtp}`);
const DELEGATED = ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'];

function missingGroup(id: string): GraphResult {
  return graphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${decodeURIComponent(id)}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function listDirectoryGroups(req: GraphRequest): GraphResult {
  const denied = requireRole(req, 'GroupMember.Read.All', DELEGATED);
  if (denied) return denied;
  const filter = req.query.get('$filter') ?? '';
  const eq = /^mail\s+eq\s+'(.*)'$/i.exec(filter.trim());
  const groups = req.ctx.world.groups.filter((g) => !eq || g.smtp === eq[1].replace(/''/g, "'").toLowerCase());
  return ok({
    '@odata.context': odataContext(req.ctx, 'groups(id,displayName,mail)'),
    value: groups.map((g) => ({
      id: groupObjectId(g.smtp),
      displayName: g.displayName,
      mail: g.smtp,
      mailEnabled: true,
      securityEnabled: g.kind === 'security',
      groupTypes: [],
    })),
  });
}

export function listTransitiveMembers(req: GraphRequest, id: string): GraphResult {
  const denied = requireRole(req, 'GroupMember.Read.All', DELEGATED);
  if (denied) return denied;
  const group = req.ctx.world.groups.find((g) => groupObjectId(g.smtp) === decodeURIComponent(id).toLowerCase());
  if (!group) return missingGroup(id);
  const all = transitiveMembers(req.ctx.world, group).map((e) =>
    e.kind === 'mailbox'
      ? {
          '@odata.type': '#microsoft.graph.user',
          id: objectId(e.mailbox.upn),
          displayName: e.mailbox.displayName,
          mail: e.mailbox.smtp,
          userPrincipalName: e.mailbox.upn,
        }
      : e.kind === 'group'
        ? { '@odata.type': '#microsoft.graph.group', id: groupObjectId(e.group.smtp), displayName: e.group.displayName, mail: e.group.smtp }
        : { '@odata.type': '#microsoft.graph.orgContact', id: objectId(`contact:${e.smtp}`), displayName: e.displayName, mail: e.smtp },
  );
  const top = Math.min(Number(req.query.get('$top') ?? 100) || 100, 999);
  const offset = decodeToken<{ o: number }>(req.query.get('$skiptoken'))?.o ?? 0;
  const body: Record<string, unknown> = {
    '@odata.context': odataContext(req.ctx, 'directoryObjects(id,displayName,mail,userPrincipalName)'),
  };
  if (offset + top < all.length) {
    const next = new URLSearchParams(req.query);
    next.set('$skiptoken', encodeToken({ o: offset + top }));
    body['@odata.nextLink'] = `${v1(req.ctx)}/groups/${id}/transitiveMembers?${next.toString()}`;
  }
  body.value = all.slice(offset, offset + top);
  return ok(body);
}

export function listRoomListRooms(req: GraphRequest, address: string): GraphResult {
  const denied = requireRole(req, 'Place.Read.All', ['Place.Read.All']);
  if (denied) return denied;
  const smtp = decodeURIComponent(address).toLowerCase();
  const list = req.ctx.world.roomLists.find((l) => l.smtp === smtp || objectId(`place:${l.smtp}`) === smtp);
  if (!list) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  const rooms = list.rooms.flatMap((r) => {
    const m = req.ctx.world.mailboxes.get(r);
    return m ? [{ id: objectId(`place:${m.smtp}`), displayName: m.displayName, emailAddress: m.smtp, capacity: m.capacity ?? null }] : [];
  });
  return ok({ '@odata.context': odataContext(req.ctx, `places('${list.smtp}')/microsoft.graph.roomList/rooms`), value: rooms });
}
