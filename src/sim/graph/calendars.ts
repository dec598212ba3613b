// Calendar groups and calendars of a mailbox (one "My Calendars" group holding the default calendar and its
// sub-folders, as Outlook shows them), /events with $count, and GET /events/{id}.
import { createHash } from 'node:crypto';
import type { SimFolder, SimMailbox } from '../world/types.js';
import { eventsInFolder, folderOf } from '../world/world.js';
import { decodeId } from '../world/ids.js';
import { canReadCalendar, requireRole } from './access.js';
import { masterJson } from './event-json.js';
import { graphError, ok, odataContext, type GraphRequest, type GraphResult } from './graph-http.js';

const GROUP_NAMES = { en: 'My Calendars', de: 'Meine Kalender', nl: "Mijn agenda's" } as const;
const CALENDAR_CLASS = '0006f0b7-0000-0000-c000-000000000046';

export function calendarFolders(req: GraphRequest, mb: SimMailbox): SimFolder[] {
  return [...req.ctx.world.folders.values()].filter((f) => f.mailbox === mb.smtp && f.folderClass === 'IPF.Appointment' && !f.hidden);
}

function groupId(mb: SimMailbox): string {
  return `AAMkAGI2${createHash('sha1').update(`group:${mb.smtp}`).digest('base64url').slice(0, 40)}`;
}

function calendarJson(req: GraphRequest, mb: SimMailbox, f: SimFolder): Record<string, unknown> {
  const isDefault = mb.distinguished.calendar === f.id;
  return {
    id: f.id,
    name: f.displayName,
    color: 'auto',
    hexColor: '',
    isDefaultCalendar: isDefault,
    changeKey: f.changeKey,
    canShare: !req.token.upn || isDefault,
    canViewPrivateItems: !req.token.upn,
    canEdit: false,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: true,
    isRemovable: !isDefault,
    owner: { name: mb.displayName, address: mb.smtp },
  };
}

const guard = (req: GraphRequest, mb: SimMailbox, folderId?: string) =>
  requireRole(req, 'Calendars.Read', ['Calendars.Read', 'Calendars.Read.Shared']) ?? canReadCalendar(req, mb, folderId);

export function listGroups(req: GraphRequest, mb: SimMailbox): GraphResult {
  const denied = guard(req, mb);
  if (denied) return denied;
  return ok({
    '@odata.context': odataContext(req.ctx, `users('${mb.smtp}')/calendarGroups`),
    value: [{ id: groupId(mb), name: GROUP_NAMES[mb.language], classId: CALENDAR_CLASS, changeKey: groupId(mb).slice(-12) }],
  });
}

export function listCalendars(req: GraphRequest, mb: SimMailbox, group?: string): GraphResult {
  const denied = guard(req, mb);
  if (denied) return denied;
  if (group !== undefined && group !== groupId(mb))
    return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return ok({
    '@odata.context': odataContext(req.ctx, `users('${mb.smtp}')/calendars`),
    value: calendarFolders(req, mb).map((f) => calendarJson(req, mb, f)),
  });
}

export function resolveCalendar(req: GraphRequest, mb: SimMailbox, calendarId: string | undefined): SimFolder | GraphResult {
  const f = folderOf(req.ctx.world, mb.smtp, calendarId ?? 'calendar');
  if (!f || f.folderClass !== 'IPF.Appointment')
    return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return f;
}

export function getCalendar(req: GraphRequest, mb: SimMailbox, calendarId: string | undefined): GraphResult {
  const f = resolveCalendar(req, mb, calendarId);
  if ('status' in f) return f;
  const denied = guard(req, mb, f.id);
  if (denied) return denied;
  return ok({ '@odata.context': odataContext(req.ctx, `users('${mb.smtp}')/calendars/$entity`), ...calendarJson(req, mb, f) });
}

/** /events: masters and single items of a calendar; $count=true&$top=0/1 gives the folder's item count. */
export function listEvents(req: GraphRequest, mb: SimMailbox, calendarId: string | undefined): GraphResult {
  const f = resolveCalendar(req, mb, calendarId);
  if ('status' in f) return f;
  const denied = guard(req, mb, f.id);
  if (denied) return denied;
  req.ctx.counters.touch(mb.smtp, f.id);
  const all = eventsInFolder(req.ctx.world, f.id).sort((a, b) => (a.start < b.start ? -1 : 1));
  const top = Math.min(Number(req.query.get('$top') ?? 10), 1000);
  const skip = Number(req.query.get('$skip') ?? 0);
  const body: Record<string, unknown> = { '@odata.context': odataContext(req.ctx, `users('${mb.smtp}')/events`) };
  if (req.query.get('$count') === 'true') body['@odata.count'] = all.length;
  body.value = all.slice(skip, skip + top).map((e) => masterJson(e, false));
  return ok(body);
}

export function getEvent(req: GraphRequest, mb: SimMailbox, id: string): GraphResult {
  const decoded = decodeId(id);
  const masterId = decoded?.kind === 'occurrence' ? decoded.masterId : id;
  const ev = req.ctx.world.events.get(masterId);
  if (!ev || ev.mailbox !== mb.smtp) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  const denied = guard(req, mb, ev.folderId);
  if (denied) return denied;
  return ok({
    '@odata.context': odataContext(req.ctx, `users('${mb.smtp}')/events/$entity`),
    ...masterJson(ev, (req.query.get('$select') ?? 'body').includes('body')),
  });
}
