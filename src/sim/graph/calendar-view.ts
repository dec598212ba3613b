// calendarView (occurrences expanded, ordered by start, $top/$skip paging via @odata.nextLink) and
// calendarView/delta (initial sync in pages ending in a deltaLink; later rounds return changed instances and
// @removed entries; an expired token answers 410 SyncStateNotFound).
import type { SimWorld } from '../world/world.js';
import { eventsInFolder } from '../world/world.js';
import type { SimFolder, SimMailbox } from '../world/types.js';
import { compareExpanded, expandEvent } from '../world/recurrence.js';
import { occurrenceId } from '../world/ids.js';
import { canReadCalendar, requireRole } from './access.js';
import { resolveCalendar } from './calendars.js';
import { eventJson } from './event-json.js';
import {
  decodeToken,
  encodeToken,
  graphError,
  ok,
  odataContext,
  parseQueryTime,
  v1,
  type GraphRequest,
  type GraphResult,
} from './graph-http.js';

const generations = new WeakMap<SimWorld, number>();

/** The generation delta tokens are issued in; expireGraphDeltaTokens moves it on. */
export function deltaGeneration(world: SimWorld): number {
  return generations.get(world) ?? 0;
}

/** Invalidates every delta token issued so far (as Exchange does after a mailbox move or a long pause). */
export function expireGraphDeltaTokens(world: SimWorld): void {
  generations.set(world, (generations.get(world) ?? 0) + 1);
}

interface DeltaState {
  f: string;
  s: number;
  e: number;
  /** World sequence the client is in sync with. */
  q: number;
  g: number;
  /** Offset into the current round's items (skip token only). */
  o?: number;
  /** Sequence at which this round started (skip token only). */
  n?: number;
}

const PREFER_UTC = { 'Preference-Applied': 'outlook.timezone="UTC"' };

export function pageSize(req: GraphRequest, fallback: number): number {
  const prefer = /odata\.maxpagesize=(\d+)/i.exec(req.headers['prefer'] ?? '')?.[1];
  const top = req.query.get('$top');
  return Math.max(1, Math.min(Number(top ?? prefer ?? fallback) || fallback, 1000));
}

function expand(world: SimWorld, folder: SimFolder, fromMs: number, toMs: number) {
  return eventsInFolder(world, folder.id)
    .flatMap((ev) => expandEvent(ev, fromMs, toMs))
    .sort(compareExpanded);
}

function target(req: GraphRequest, mb: SimMailbox, calendarId: string | undefined): SimFolder | GraphResult {
  const f = resolveCalendar(req, mb, calendarId);
  if ('status' in f) return f;
  const denied = requireRole(req, 'Calendars.Read', ['Calendars.Read', 'Calendars.Read.Shared']) ?? canReadCalendar(req, mb, f.id);
  if (denied) return denied;
  req.ctx.counters.touch(mb.smtp, f.id);
  return f;
}

export function calendarView(req: GraphRequest, mb: SimMailbox, calendarId: string | undefined, basePath: string): GraphResult {
  const f = target(req, mb, calendarId);
  if ('status' in f) return f;
  const from = parseQueryTime(req.query.get('startDateTime') ?? req.query.get('startdatetime'));
  const to = parseQueryTime(req.query.get('endDateTime') ?? req.query.get('enddatetime'));
  if (from === undefined || to === undefined) {
    return graphError(
      400,
      'ErrorInvalidParameter',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  }
  const items = expand(req.ctx.world, f, from, to);
  const top = pageSize(req, 10);
  const skip = Number(req.query.get('$skip') ?? 0);
  const select = req.query
    .get('$select')
    ?.split(',')
    .map((s) => s.trim());
  const withBody = !select || select.includes('body');
  const body: Record<string, unknown> = { '@odata.context': odataContext(req.ctx, `users('${mb.smtp}')/calendarView`) };
  if (skip + top < items.length) {
    const next = new URLSearchParams(req.query);
    next.set('$skip', String(skip + top));
    body['@odata.nextLink'] = `${v1(req.ctx)}${basePath}?${next.toString()}`;
  }
  body.value = items.slice(skip, skip + top).map((x) => selected(eventJson(x, withBody), select));
  return ok(body, PREFER_UTC);
}

/** As Graph does with $select: the named properties, plus id and @odata.etag, which always come. */
export function selected(json: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return json;
  return Object.fromEntries(Object.entries(json).filter(([k]) => k === 'id' || k === '@odata.etag' || select.includes(k)));
}

export function calendarViewDelta(req: GraphRequest, mb: SimMailbox, calendarId: string | undefined, basePath: string): GraphResult {
  const f = target(req, mb, calendarId);
  if ('status' in f) return f;
  const world = req.ctx.world;
  const generation = generations.get(world) ?? 0;
  const token = decodeToken<DeltaState>(req.query.get('$deltatoken') ?? req.query.get('$skiptoken'));
  if ((req.query.has('$deltatoken') || req.query.has('$skiptoken')) && (!token || token.g !== generation || token.f !== f.id)) {
    return graphError(
      410,
      'SyncStateNotFound',
      'The sync state generation is not found or has expired. Restart synchronization without a delta token.',
    );
  }
  let state: DeltaState;
  if (token) state = token;
  else {
    const from = parseQueryTime(req.query.get('startDateTime') ?? req.query.get('startdatetime'));
    const to = parseQueryTime(req.query.get('endDateTime') ?? req.query.get('enddatetime'));
    if (from === undefined || to === undefined) {
      return graphError(
        400,
        'ErrorInvalidParameter',
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      );
    }
    state = { f: f.id, s: from, e: to, q: -1, g: generation };
  }
  const roundSeq = state.n ?? world.seq;
  const entries: Array<Record<string, unknown>> = [];
  if (state.q < 0) {
    for (const x of expand(world, f, state.s, state.e)) entries.push(eventJson(x, false));
  } else {
    const changed = new Set(f.changes.filter((c) => c.seq > state.q && c.seq <= roundSeq).map((c) => c.itemId));
    for (const id of changed) {
      const ev = world.events.get(id);
      if (!ev) {
        entries.push({ '@odata.type': '#microsoft.graph.event', id, '@removed': { reason: 'deleted' } });
        continue;
      }
      for (const x of expandEvent(ev, state.s, state.e)) entries.push(eventJson(x, false));
      for (const original of ev.deletedOccurrences) {
        const t = Date.parse(original);
        if (t >= state.s && t < state.e)
          entries.push({ '@odata.type': '#microsoft.graph.event', id: occurrenceId(ev.id, original), '@removed': { reason: 'deleted' } });
      }
    }
  }
  const size = pageSize(req, 10);
  const offset = state.o ?? 0;
  const body: Record<string, unknown> = { '@odata.context': odataContext(req.ctx, 'Collection(event)') };
  if (offset + size < entries.length) {
    body['@odata.nextLink'] = `${v1(req.ctx)}${basePath}?$skiptoken=${encodeToken({ ...state, o: offset + size, n: roundSeq })}`;
  } else {
    body['@odata.deltaLink'] =
      `${v1(req.ctx)}${basePath}?$deltatoken=${encodeToken({ f: state.f, s: state.s, e: state.e, q: roundSeq, g: generation })}`;
  }
  body.value = entries.slice(offset, offset + size);
  return ok(body, PREFER_UTC);
}
