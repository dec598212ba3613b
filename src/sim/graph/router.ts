// Maps a Graph path to its handler. One table for top-level requests and $batch members.
import { getCalendar, getEvent, listCalendars, listEvents, listGroups } from './calendars.js';
import { calendarView, calendarViewDelta } from './calendar-view.js';
import { notFoundUser, resolveMailbox } from './access.js';
import { getSchedule } from './schedule.js';
import { EVENT_WRITE_ROUTES } from './event-writes.js';
import { getUser, listRooms, listUsers } from './users.js';
import { getContactFolder, itemsDelta, listContactFolders, listItems, listTodoLists } from './pim-items.js';
import { getAutomaticRepliesSetting, getMailboxSettings } from './mailbox-settings.js';
import { listDirectoryGroups, listRoomListRooms, listTransitiveMembers } from './groups.js';
import { graphError, type GraphRequest, type GraphResult } from './graph-http.js';
import type { SimMailbox } from '../world/types.js';

type MailboxHandler = (req: GraphRequest, mb: SimMailbox, m: RegExpExecArray, path: string) => GraphResult;

// After /users/{id}: [pattern, operation name (counters, fault matching), handler]
const MAILBOX_TABLE: Array<[string, RegExp, string, MailboxHandler]> = [
  ...EVENT_WRITE_ROUTES,
  ['GET', /^\/calendarGroups$/i, 'calendarGroups', (r, mb) => listGroups(r, mb)],
  ['GET', /^\/calendarGroups\/([^/]+)\/calendars$/i, 'calendars', (r, mb, m) => listCalendars(r, mb, decodeURIComponent(m[1]))],
  ['GET', /^\/calendars$/i, 'calendars', (r, mb) => listCalendars(r, mb)],
  ['GET', /^\/calendar$/i, 'calendar', (r, mb) => getCalendar(r, mb, undefined)],
  ['GET', /^\/calendars\/([^/]+)$/i, 'calendar', (r, mb, m) => getCalendar(r, mb, decodeURIComponent(m[1]))],
  ['GET', /^\/(?:calendar\/)?calendarView$/i, 'calendarView', (r, mb, _m, p) => calendarView(r, mb, undefined, p)],
  ['GET', /^\/calendars\/([^/]+)\/calendarView$/i, 'calendarView', (r, mb, m, p) => calendarView(r, mb, decodeURIComponent(m[1]), p)],
  ['GET', /^\/(?:calendar\/)?calendarView\/delta$/i, 'calendarViewDelta', (r, mb, _m, p) => calendarViewDelta(r, mb, undefined, p)],
  [
    'GET',
    /^\/calendars\/([^/]+)\/calendarView\/delta$/i,
    'calendarViewDelta',
    (r, mb, m, p) => calendarViewDelta(r, mb, decodeURIComponent(m[1]), p),
  ],
  ['GET', /^\/(?:calendar\/)?events$/i, 'events', (r, mb) => listEvents(r, mb, undefined)],
  ['GET', /^\/calendars\/([^/]+)\/events$/i, 'events', (r, mb, m) => listEvents(r, mb, decodeURIComponent(m[1]))],
  ['GET', /^\/(?:calendar\/|calendars\/[^/]+\/)?events\/([^/]+)$/i, 'event', (r, mb, m) => getEvent(r, mb, decodeURIComponent(m[1]))],
  ['POST', /^\/calendar\/getSchedule$/i, 'getSchedule', (r) => getSchedule(r)],
  ['GET', /^\/contacts$/i, 'contacts', (r, mb, _m, p) => listItems(r, mb, 'contacts', undefined, p)],
  ['GET', /^\/contactFolders$/i, 'contactFolders', (r, mb, _m, p) => listContactFolders(r, mb, p)],
  ['GET', /^\/contactFolders\/([^/]+)$/i, 'contactFolder', (r, mb, m) => getContactFolder(r, mb, decodeURIComponent(m[1]))],
  ['GET', /^\/contactFolders\/([^/]+)\/contacts$/i, 'contacts', (r, mb, m, p) => listItems(r, mb, 'contacts', decodeURIComponent(m[1]), p)],
  [
    'GET',
    /^\/contactFolders\/([^/]+)\/contacts\/delta$/i,
    'contactsDelta',
    (r, mb, m, p) => itemsDelta(r, mb, 'contacts', decodeURIComponent(m[1]), p),
  ],
  ['GET', /^\/todo\/lists$/i, 'todoLists', (r, mb, _m, p) => listTodoLists(r, mb, p)],
  ['GET', /^\/todo\/lists\/([^/]+)\/tasks$/i, 'todoTasks', (r, mb, m, p) => listItems(r, mb, 'tasks', decodeURIComponent(m[1]), p)],
  [
    'GET',
    /^\/todo\/lists\/([^/]+)\/tasks\/delta$/i,
    'todoTasksDelta',
    (r, mb, m, p) => itemsDelta(r, mb, 'tasks', decodeURIComponent(m[1]), p),
  ],
  ['GET', /^\/mailboxSettings$/i, 'mailboxSettings', (r, mb) => getMailboxSettings(r, mb)],
  ['GET', /^\/mailboxSettings\/automaticRepliesSetting$/i, 'automaticRepliesSetting', (r, mb) => getAutomaticRepliesSetting(r, mb)],
];
const MAILBOX_ROUTES = MAILBOX_TABLE.map(([method, re, name, h]) => [re, `${method} ${name}`, name, h] as const);

export interface Routed {
  operation: string;
  mailbox?: string;
  run(): GraphResult;
}

export function route(req: GraphRequest): Routed {
  const p = req.path;
  if (/^\/users\/?$/i.test(p) && req.method === 'GET') return { operation: 'users', run: () => listUsers(req) };
  if (/^\/places\/microsoft\.graph\.room$/i.test(p) && req.method === 'GET') return { operation: 'rooms', run: () => listRooms(req) };
  if (/^\/groups\/?$/i.test(p) && req.method === 'GET') return { operation: 'groups', run: () => listDirectoryGroups(req) };
  const tm = /^\/groups\/([^/]+)\/transitiveMembers$/i.exec(p);
  if (tm && req.method === 'GET') return { operation: 'transitiveMembers', run: () => listTransitiveMembers(req, tm[1]) };
  const rl = /^\/places\/([^/]+)\/microsoft\.graph\.roomlist\/rooms$/i.exec(p);
  if (rl && req.method === 'GET') return { operation: 'roomListRooms', run: () => listRoomListRooms(req, rl[1]) };
  const u = /^\/users\/([^/]+)(\/.*)?$/i.exec(p);
  if (u) {
    const rest = u[2] ?? '';
    if (!rest) return { operation: 'user', run: () => getUser(req, u[1]) };
    for (const [re, key, name, handler] of MAILBOX_ROUTES) {
      const m = re.exec(rest);
      if (!m || key.split(' ')[0] !== req.method) continue;
      const mb = resolveMailbox(req, u[1]);
      return { operation: name, mailbox: mb?.smtp, run: () => (mb ? handler(req, mb, m, p) : notFoundUser(u[1])) };
    }
  }
  return {
    operation: 'unknown',
    run: () => graphError(400, 'BadRequest', `Resource not found for the segment '${p.split('/').filter(Boolean).pop() ?? ''}'.`),
  };
}
