// Graph write direction: POST …/events, PATCH and DELETE …/events/{id} (If-Match → 412 on a stale change key),
// and GET …/events with $filter/$expand on singleValueExtendedProperties, as Exchange Online answers them.
// Extended properties are stored in the same world keys EWS uses, so an item written through one API is seen
// with its tags through the other. Writing needs Calendars.ReadWrite (app) or Editor on the folder (delegated).
import { windowsToIana } from '../../shared/time-zones.js';
import type { ShowAs, Sensitivity } from '../../shared/model.js';
import type { ExtendedPropertyValue, SimEvent, SimFolder, SimMailbox } from '../world/types.js';
import { PERMISSION_LEVELS } from '../world/types.js';
import { eventsInFolder } from '../world/world.js';
import { createRng, hash32 } from '../world/prng.js';
import { exchangeUid } from '../world/event-builder.js';
import { localToUtc } from '../world/tz.js';
import { normaliseAllDay } from '../ews/operations/create-item.js';
import { simTenant } from '../oauth/tenant.js';
import { requireRole } from './access.js';
import { listEvents, resolveCalendar } from './calendars.js';
import { masterJson } from './event-json.js';
import { graphError, ok, odataContext, type GraphRequest, type GraphResult } from './graph-http.js';

type Handler = (req: GraphRequest, mb: SimMailbox, m: RegExpExecArray, path: string) => GraphResult;

const SHOW_AS = new Set<ShowAs>(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']);
const SENSITIVITY = new Set<Sensitivity>(['normal', 'personal', 'private', 'confidential']);
const NOT_FOUND = () => graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
const ID_FORMAT = /^String \{([0-9a-f-]{36})\} Name (\S+)$/i;

/** Graph id "String {guid} Name X" ↔ the world's EWS-style key "{guid}:X:String". */
function worldKey(graphId: string): string | undefined {
  const m = ID_FORMAT.exec(graphId.trim());
  return m ? `${m[1].toLowerCase()}:${m[2]}:String` : undefined;
}

function writeDenied(req: GraphRequest, mb: SimMailbox, folder: SimFolder): GraphResult | undefined {
  const denied = requireRole(req, 'Calendars.ReadWrite', ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared']);
  if (denied) return denied;
  const t = req.token;
  if (!t.upn) {
    const app = simTenant(req.ctx.world).apps.get(t.clientId);
    if (app?.mailboxScope && !app.mailboxScope.has(mb.smtp))
      return graphError(
        403,
        'ErrorAccessDenied',
        'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
      );
    return undefined;
  }
  const me = t.upn.toLowerCase();
  if (mb.upn.toLowerCase() === me || mb.smtp === me) return undefined;
  const account = req.ctx.world.accounts.find((a) => a.upn.toLowerCase() === me);
  const role = folder.permissions[(account?.smtp ?? me).toLowerCase()] ?? folder.permissions.default ?? 'None';
  return PERMISSION_LEVELS.indexOf(role) >= PERMISSION_LEVELS.indexOf('Editor')
    ? undefined
    : graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}

interface DateTimeTimeZone {
  dateTime?: string;
  timeZone?: string;
}

function instant(v: DateTimeTimeZone | undefined, fallbackZone: string): number | undefined {
  if (!v?.dateTime) return undefined;
  const zone = windowsToIana(v.timeZone ?? fallbackZone);
  if (/[zZ]|[+-]\d\d:\d\d$/.test(v.dateTime)) return Date.parse(v.dateTime);
  if (zone === 'UTC' || zone === 'Etc/UTC') return Date.parse(`${v.dateTime}Z`);
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(v.dateTime);
  if (!m) return NaN;
  return localToUtc(zone, { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) });
}

type Body = Record<string, unknown> & {
  subject?: string;
  body?: { content?: string };
  start?: DateTimeTimeZone;
  end?: DateTimeTimeZone;
  isAllDay?: boolean;
  showAs?: string;
  sensitivity?: string;
  categories?: string[];
  location?: { displayName?: string };
  isReminderOn?: boolean;
  reminderMinutesBeforeStart?: number;
  singleValueExtendedProperties?: Array<{ id?: string; value?: string }>;
  attendees?: unknown[];
};

/** Fields of a POST/PATCH body as a world patch; a string result is the 400 message. */
function patchOf(body: Body, current: SimEvent | undefined): Partial<SimEvent> | string {
  const p: Partial<SimEvent> = {};
  if (body.attendees && body.attendees.length) return 'The simulator does not store meetings written through Graph.';
  if (body.subject !== undefined) p.subject = String(body.subject);
  if (body.body?.content !== undefined) p.body = String(body.body.content);
  if (body.showAs !== undefined) {
    if (!SHOW_AS.has(body.showAs as ShowAs)) return `Invalid value '${body.showAs}' for showAs.`;
    p.showAs = body.showAs as ShowAs;
  }
  if (body.sensitivity !== undefined) {
    if (!SENSITIVITY.has(body.sensitivity as Sensitivity)) return `Invalid value '${body.sensitivity}' for sensitivity.`;
    p.sensitivity = body.sensitivity as Sensitivity;
  }
  if (body.categories !== undefined) p.categories = [...body.categories];
  if (body.location !== undefined) p.location = body.location?.displayName ?? '';
  if (body.isReminderOn === false) p.reminderMinutes = 0;
  else if (body.reminderMinutesBeforeStart !== undefined) p.reminderMinutes = body.reminderMinutesBeforeStart;
  if (body.isAllDay !== undefined) p.isAllDay = body.isAllDay;
  const zone = windowsToIana(body.start?.timeZone ?? current?.timeZone ?? 'UTC');
  if (body.start) p.timeZone = zone === 'Etc/UTC' ? 'UTC' : zone;
  const s = instant(body.start, zone);
  const e = instant(body.end, zone);
  if (Number.isNaN(s) || Number.isNaN(e)) return 'Cannot convert the literal to the expected type Edm.DateTimeOffset.';
  if (s !== undefined) p.start = new Date(s).toISOString();
  if (e !== undefined) p.end = new Date(e).toISOString();
  const start = p.start ?? current?.start;
  const end = p.end ?? current?.end;
  if (!start || !end) return 'Start and End are required.';
  if (Date.parse(end) < Date.parse(start)) return 'The end time of the event must be after its start time.';
  const allDay = p.isAllDay ?? current?.isAllDay ?? false;
  if (allDay) {
    const tz = p.timeZone ?? current?.timeZone ?? 'UTC';
    const local = normaliseAllDay(start, end, tz);
    if (local.start !== start) return 'The start time of an all-day event must be midnight in its time zone.';
    Object.assign(p, local);
  }
  if (body.singleValueExtendedProperties) {
    let props: ExtendedPropertyValue[] = [...(current?.extendedProperties ?? [])];
    for (const ep of body.singleValueExtendedProperties) {
      const key = worldKey(ep.id ?? '');
      if (!key) return `The extended property id '${ep.id}' is not in a supported format.`;
      props = props.filter((x) => x.key.toLowerCase() !== key.toLowerCase());
      props.push({ key, value: String(ep.value ?? '') });
    }
    p.extendedProperties = props;
  }
  return p;
}

function targetFolder(req: GraphRequest, mb: SimMailbox, calendarId: string | undefined): SimFolder | GraphResult {
  const f = resolveCalendar(req, mb, calendarId);
  if ('status' in f) return f;
  req.ctx.counters.touch(mb.smtp, f.id);
  return writeDenied(req, mb, f) ?? f;
}

function withExtended(req: GraphRequest, ev: SimEvent): Record<string, unknown> {
  const json = masterJson(ev, false);
  const expand = req.query.get('$expand') ?? '';
  if (!/singleValueExtendedProperties/i.test(expand)) return json;
  const wanted = [...expand.matchAll(/id eq '([^']+)'/gi)].map((m) => worldKey(m[1])?.toLowerCase());
  json.singleValueExtendedProperties = ev.extendedProperties
    .filter((p) => wanted.includes(p.key.toLowerCase()))
    .map((p) => {
      const [guid, name] = p.key.split(':');
      return { id: `String {${guid}} Name ${name}`, value: p.value };
    });
  return json;
}

function createEvent(req: GraphRequest, mb: SimMailbox, calendarId: string | undefined): GraphResult {
  const f = targetFolder(req, mb, calendarId);
  if ('status' in f) return f;
  const patch = patchOf((req.body ?? {}) as Body, undefined);
  if (typeof patch === 'string') return graphError(400, 'ErrorInvalidRequest', patch);
  const now = req.ctx.world.now().toISOString();
  const organizer = { name: mb.displayName, email: mb.smtp };
  const ev = req.ctx.world.mutate.insertEvent(
    {
      iCalUId: exchangeUid(createRng(hash32(now + (patch.subject ?? '') + req.ctx.world.seq)), Date.parse(now)),
      subject: '',
      body: '',
      location: '',
      start: patch.start!,
      end: patch.end!,
      timeZone: 'UTC',
      isAllDay: false,
      showAs: 'busy',
      sensitivity: 'normal',
      importance: 'Normal',
      categories: [],
      organizer,
      attendees: [],
      isMeeting: false,
      isCancelled: false,
      created: now,
      lastModified: now,
      exceptions: {},
      deletedOccurrences: [],
      extendedProperties: [],
      reminderMinutes: 15,
      appointmentSequence: 0,
      ...patch,
    },
    mb.smtp,
    f.id,
  );
  return {
    ...ok({ '@odata.context': odataContext(req.ctx, `users('${mb.smtp}')/events/$entity`), ...masterJson(ev, false) }),
    status: 201,
  };
}

function existing(req: GraphRequest, mb: SimMailbox, id: string): SimEvent | GraphResult {
  const ev = req.ctx.world.events.get(id);
  if (!ev || ev.mailbox !== mb.smtp) return NOT_FOUND();
  req.ctx.counters.touch(mb.smtp, ev.folderId);
  return writeDenied(req, mb, req.ctx.world.folders.get(ev.folderId)!) ?? ev;
}

function updateEvent(req: GraphRequest, mb: SimMailbox, id: string): GraphResult {
  const ev = existing(req, mb, id);
  if ('status' in ev) return ev;
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && ifMatch.replace(/^W\//, '').replace(/"/g, '') !== ev.changeKey) {
    return graphError(
      412,
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
  }
  const patch = patchOf((req.body ?? {}) as Body, ev);
  if (typeof patch === 'string') return graphError(400, 'ErrorInvalidRequest', patch);
  const after = req.ctx.world.mutate.updateEvent(ev.id, patch);
  return ok({ '@odata.context': odataContext(req.ctx, `users('${mb.smtp}')/events/$entity`), ...masterJson(after, false) });
}

function deleteEvent(req: GraphRequest, mb: SimMailbox, id: string): GraphResult {
  const ev = existing(req, mb, id);
  if ('status' in ev) return ev;
  req.ctx.world.mutate.deleteEvent(ev.id);
  return { status: 204 };
}

/** $filter=singleValueExtendedProperties/Any(ep: ep/id eq '…' [and ep/value eq '…']) [and start/dateTime lt '…' and end/dateTime gt '…']. */
function taggedEvents(req: GraphRequest, mb: SimMailbox, calendarId: string | undefined, path: string): GraphResult {
  const filter = req.query.get('$filter') ?? '';
  if (!/singleValueExtendedProperties/i.test(filter) && !/singleValueExtendedProperties/i.test(req.query.get('$expand') ?? ''))
    return listEvents(req, mb, calendarId);
  const f = resolveCalendar(req, mb, calendarId);
  if ('status' in f) return f;
  const denied = requireRole(req, 'Calendars.Read', ['Calendars.Read', 'Calendars.Read.Shared']);
  if (denied) return denied;
  req.ctx.counters.touch(mb.smtp, f.id);
  const any = /singleValueExtendedProperties\/Any\(\s*ep:\s*ep\/id eq '([^']+)'(?:\s+and\s+ep\/value eq '((?:[^']|'')*)')?\s*\)/i.exec(
    filter,
  );
  if (/singleValueExtendedProperties/i.test(filter) && !any) return graphError(400, 'BadRequest', 'Invalid filter clause');
  const key = any ? worldKey(any[1])?.toLowerCase() : undefined;
  const value = any?.[2]?.replace(/''/g, "'");
  const before = /start\/dateTime lt '([^']+)'/i.exec(filter)?.[1];
  const after = /end\/dateTime gt '([^']+)'/i.exec(filter)?.[1];
  const utc = (s: string) => Date.parse(/[zZ]$/.test(s) ? s : `${s}Z`);
  const all = eventsInFolder(req.ctx.world, f.id)
    .filter((ev) => {
      if (key) {
        const p = ev.extendedProperties.find((x) => x.key.toLowerCase() === key);
        if (!p || (value !== undefined && p.value.toLowerCase() !== value.toLowerCase())) return false;
      }
      if (before && Date.parse(ev.start) >= utc(before)) return false;
      if (after && Date.parse(ev.end) <= utc(after)) return false;
      return true;
    })
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  const top = Math.max(1, Math.min(Number(req.query.get('$top') ?? 10) || 10, 1000));
  const skip = Number(req.query.get('$skip') ?? 0) || 0;
  const body: Record<string, unknown> = { '@odata.context': odataContext(req.ctx, `users('${mb.smtp}')/events`) };
  body.value = all.slice(skip, skip + top).map((ev) => withExtended(req, ev));
  if (skip + top < all.length) {
    const next = new URLSearchParams(req.query);
    next.set('$skip', String(skip + top));
    body['@odata.nextLink'] = `${req.ctx.baseUrl}/v1.0${path}?${next.toString()}`;
  }
  return ok(body, { 'Preference-Applied': 'outlook.timezone="UTC"' });
}

const calendarOf = (m: RegExpExecArray) => (m[1] ? decodeURIComponent(m[1]) : undefined);

/** Rows for the mailbox route table in router.ts (tried before the read-only /events rows). */
export const EVENT_WRITE_ROUTES: Array<[string, RegExp, string, Handler]> = [
  ['GET', /^\/(?:calendar\/|calendars\/([^/]+)\/)?events$/i, 'events', (r, mb, m, p) => taggedEvents(r, mb, calendarOf(m), p)],
  ['POST', /^\/(?:calendar\/|calendars\/([^/]+)\/)?events$/i, 'createEvent', (r, mb, m) => createEvent(r, mb, calendarOf(m))],
  [
    'PATCH',
    /^\/(?:calendar\/|calendars\/[^/]+\/)?events\/([^/]+)$/i,
    'updateEvent',
    (r, mb, m) => updateEvent(r, mb, decodeURIComponent(m[1])),
  ],
  [
    'DELETE',
    /^\/(?:calendar\/|calendars\/[^/]+\/)?events\/([^/]+)$/i,
    'deleteEvent',
    (r, mb, m) => deleteEvent(r, mb, decodeURIComponent(m[1])),
  ],
  [
    'POST',
    /^\/(?:calendar\/|calendars\/[^/]+\/)?events\/([^/]+)\/permanentDelete$/i,
    'permanentDeleteEvent',
    (r, mb, m) => deleteEvent(r, mb, decodeURIComponent(m[1])),
  ],
];
