// Contacts (/contacts, /contactFolders, /contactFolders/{id}/contacts and its delta) and Microsoft To Do
// (/todo/lists, /todo/lists/{id}/tasks and its delta) over the same world items EWS serves: a mailbox's Tasks folder
// is its default To Do list. Lists page with $top/$skip through @odata.nextLink and honour $select and $count;
// delta rounds start with every item, later rounds carry what changed and @removed entries, and an expired token
// answers 410 SyncStateNotFound. Contacts need Contacts.Read, tasks Tasks.Read.All (delegated: Tasks.Read).
import type { SimFolder, SimItem, SimMailbox } from '../world/types.js';
import { folderOf } from '../world/world.js';
import { canReadCalendar, requireRole } from './access.js';
import { deltaGeneration, pageSize, selected } from './calendar-view.js';
import { contactFolderJson, contactJson, taskJson, todoListJson } from './item-json.js';
import { decodeToken, encodeToken, graphError, ok, odataContext, v1, type GraphRequest, type GraphResult } from './graph-http.js';

type Kind = 'contacts' | 'tasks';

const CLASS: Record<Kind, string> = { contacts: 'IPF.Contact', tasks: 'IPF.Task' };
const NOT_FOUND = () => graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

interface ItemDeltaState {
  f: string;
  /** World sequence the client is in sync with (-1: none yet). */
  q: number;
  g: number;
  o?: number;
  n?: number;
  /** The first request's $select: Graph encodes the round's parameters into its links. */
  s?: string[];
}

function guard(req: GraphRequest, mb: SimMailbox, kind: Kind, folderId?: string): GraphResult | undefined {
  const denied =
    kind === 'contacts'
      ? requireRole(req, 'Contacts.Read', ['Contacts.Read', 'Contacts.Read.Shared', 'Contacts.ReadWrite'])
      : requireRole(req, 'Tasks.Read.All', ['Tasks.Read', 'Tasks.ReadWrite']);
  return denied ?? canReadCalendar(req, mb, folderId ?? kind);
}

/**
 * The folder a contacts or To Do request names. Contact folders take the well-known name "contacts"; To Do lists
 * only take list ids, as To Do has no well-known names in its paths.
 */
function folderFor(req: GraphRequest, mb: SimMailbox, kind: Kind, id: string | undefined): SimFolder | GraphResult {
  const f = folderOf(req.ctx.world, mb.smtp, id ?? kind);
  if (!f || f.folderClass !== CLASS[kind] || (kind === 'tasks' && f.id !== id)) return NOT_FOUND();
  return guard(req, mb, kind, f.id) ?? f;
}

function itemsOf(req: GraphRequest, f: SimFolder): SimItem[] {
  const world = req.ctx.world;
  return [...(world.folderItems.get(f.id) ?? [])].flatMap((id) => world.items.get(id) ?? []);
}

function itemJson(req: GraphRequest, item: SimItem): Record<string, unknown> {
  return item.kind === 'contact' ? contactJson(req.ctx.world, item) : taskJson(req.ctx.world, item);
}

const selectOf = (req: GraphRequest) =>
  req.query
    .get('$select')
    ?.split(',')
    .map((s) => s.trim());

function page(req: GraphRequest, all: Array<Record<string, unknown>>, context: string, basePath: string, fallback: number): GraphResult {
  const top = pageSize(req, fallback);
  const skip = Number(req.query.get('$skip') ?? 0);
  const body: Record<string, unknown> = { '@odata.context': odataContext(req.ctx, context) };
  if (req.query.get('$count') === 'true') body['@odata.count'] = all.length;
  if (skip + top < all.length) {
    const next = new URLSearchParams(req.query);
    next.set('$skip', String(skip + top));
    body['@odata.nextLink'] = `${v1(req.ctx)}${basePath}?${next.toString()}`;
  }
  body.value = all.slice(skip, skip + top);
  return ok(body);
}

export function listItems(req: GraphRequest, mb: SimMailbox, kind: Kind, id: string | undefined, basePath: string): GraphResult {
  const f = folderFor(req, mb, kind, id);
  if ('status' in f) return f;
  req.ctx.counters.touch(mb.smtp, f.id);
  const select = selectOf(req);
  const all = itemsOf(req, f).map((i) => selected(itemJson(req, i), select));
  return page(
    req,
    all,
    kind === 'contacts' ? `users('${mb.smtp}')/contacts` : `users('${mb.smtp}')/todo/lists('${f.id}')/tasks`,
    basePath,
    10,
  );
}

export function listContactFolders(req: GraphRequest, mb: SimMailbox, basePath: string): GraphResult {
  const denied = guard(req, mb, 'contacts');
  if (denied) return denied;
  const world = req.ctx.world;
  const root = mb.distinguished.contacts;
  const all = [...world.folders.values()].filter((f) => f.mailbox === mb.smtp && f.parentId === root && f.folderClass === CLASS.contacts);
  return page(req, all.map(contactFolderJson), `users('${mb.smtp}')/contactFolders`, basePath, 10);
}

export function getContactFolder(req: GraphRequest, mb: SimMailbox, id: string): GraphResult {
  const f = folderFor(req, mb, 'contacts', id);
  if ('status' in f) return f;
  return ok({ '@odata.context': odataContext(req.ctx, `users('${mb.smtp}')/contactFolders/$entity`), ...contactFolderJson(f) });
}

export function listTodoLists(req: GraphRequest, mb: SimMailbox, basePath: string): GraphResult {
  const denied = requireRole(req, 'Tasks.Read.All', ['Tasks.Read', 'Tasks.ReadWrite']) ?? canReadCalendar(req, mb, 'tasks');
  if (denied) return denied;
  req.ctx.counters.touch(mb.smtp);
  const lists = [...req.ctx.world.folders.values()].filter((f) => f.mailbox === mb.smtp && f.folderClass === CLASS.tasks && !f.hidden);
  return page(
    req,
    lists.map((f) => todoListJson(mb, f)),
    `users('${mb.smtp}')/todo/lists`,
    basePath,
    10,
  );
}

export function itemsDelta(req: GraphRequest, mb: SimMailbox, kind: Kind, id: string, basePath: string): GraphResult {
  const f = folderFor(req, mb, kind, id);
  if ('status' in f) return f;
  req.ctx.counters.touch(mb.smtp, f.id);
  const world = req.ctx.world;
  const generation = deltaGeneration(world);
  const given = req.query.has('$deltatoken') || req.query.has('$skiptoken');
  const token = decodeToken<ItemDeltaState>(req.query.get('$deltatoken') ?? req.query.get('$skiptoken'));
  if (given && (!token || token.g !== generation || token.f !== f.id))
    return graphError(
      410,
      'SyncStateNotFound',
      'The sync state generation is not found or has expired. Restart synchronization without a delta token.',
    );
  const state: ItemDeltaState = token ?? { f: f.id, q: -1, g: generation, s: selectOf(req) };
  const roundSeq = state.n ?? world.seq;
  const select = state.s;
  const entries: Array<Record<string, unknown>> = [];
  if (state.q < 0) entries.push(...itemsOf(req, f).map((i) => selected(itemJson(req, i), select)));
  else {
    const changed = new Set(f.changes.filter((c) => c.seq > state.q && c.seq <= roundSeq).map((c) => c.itemId));
    const type = kind === 'contacts' ? '#microsoft.graph.contact' : '#microsoft.graph.todoTask';
    for (const itemId of changed) {
      const item = world.items.get(itemId);
      if (item && item.folderId === f.id) entries.push(selected(itemJson(req, item), select));
      else entries.push({ '@odata.type': type, id: itemId, '@removed': { reason: 'deleted' } });
    }
  }
  const size = pageSize(req, 10);
  const offset = state.o ?? 0;
  const body: Record<string, unknown> = {
    '@odata.context': odataContext(req.ctx, kind === 'contacts' ? 'Collection(contact)' : 'Collection(todoTask)'),
  };
  if (offset + size < entries.length)
    body['@odata.nextLink'] = `${v1(req.ctx)}${basePath}?$skiptoken=${encodeToken({ ...state, o: offset + size, n: roundSeq })}`;
  else
    body['@odata.deltaLink'] =
      `${v1(req.ctx)}${basePath}?$deltatoken=${encodeToken({ f: state.f, q: roundSeq, g: generation, s: select })}`;
  body.value = entries.slice(offset, offset + size);
  return ok(body);
}
