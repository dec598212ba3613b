// An expanded calendar item as Microsoft Graph returns it (event resource, times in UTC per the Prefer header).
// Quirks kept: occurrences carry their own iCalUId (instance date written into the UID blob), all-day events
// come back at midnight with no zone, originalStart is a DateTimeOffset, enum values are camelCase.
import { ianaToWindows } from '../../shared/time-zones.js';
import type { ExpandedItem, ResponseKind, SimEvent } from '../world/types.js';
import { localDate, addDays } from '../world/tz.js';
import { graphDateTime } from './graph-http.js';

const RESPONSE: Record<ResponseKind, string> = {
  Unknown: 'none',
  Organizer: 'organizer',
  Tentative: 'tentativelyAccepted',
  Accept: 'accepted',
  Decline: 'declined',
  NoResponseReceived: 'notResponded',
};

const OUTLOOK_UID = /^040000008200E00074C5B7101A82E008[0-9A-F]{8}/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEK_INDEX = ['', 'first', 'second', 'third', 'fourth', 'last'];

/** Exchange writes the occurrence's original date (YYYY MM DD as 2+1+1 bytes) into bytes 16–19 of the UID. */
export function instanceUid(masterUid: string, originalStartDate: string): string {
  if (!OUTLOOK_UID.test(masterUid)) return masterUid;
  const [y, m, d] = originalStartDate.split('-').map(Number) as [number, number, number];
  const stamp = y.toString(16).padStart(4, '0') + m.toString(16).padStart(2, '0') + d.toString(16).padStart(2, '0');
  return (masterUid.slice(0, 32) + stamp + masterUid.slice(40)).toUpperCase();
}

function allDayTime(instant: string, timeZone: string): string {
  return `${localDate(timeZone, Date.parse(instant))}T00:00:00.0000000`;
}

export function graphType(x: ExpandedItem): string {
  return x.kind === 'Single' ? 'singleInstance' : x.kind === 'Occurrence' ? 'occurrence' : 'exception';
}

export function eventJson(x: ExpandedItem, withBody: boolean): Record<string, unknown> {
  const m: SimEvent = x.master;
  const time = (t: string) => ({ dateTime: m.isAllDay ? allDayTime(t, m.timeZone) : graphDateTime(t), timeZone: 'UTC' });
  const win = ianaToWindows(m.timeZone);
  const e: Record<string, unknown> = {
    '@odata.etag': `W/"${x.changeKey}"`,
    id: x.id,
    createdDateTime: m.created,
    lastModifiedDateTime: x.lastModified,
    changeKey: x.changeKey,
    categories: [...m.categories],
    transactionId: null,
    originalStartTimeZone: win,
    originalEndTimeZone: win,
    iCalUId: x.originalStart ? instanceUid(m.iCalUId, localDate(m.timeZone, Date.parse(x.originalStart))) : m.iCalUId,
    reminderMinutesBeforeStart: m.reminderMinutes,
    isReminderOn: m.reminderMinutes > 0,
    hasAttachments: false,
    subject: x.subject,
    bodyPreview: m.body.replace(/<[^>]+>/g, '').slice(0, 255),
    importance: m.importance.toLowerCase(),
    sensitivity: m.sensitivity,
    isAllDay: m.isAllDay,
    isCancelled: x.isCancelled,
    isOrganizer: m.organizer.email.toLowerCase() === m.mailbox,
    responseRequested: true,
    seriesMasterId: x.kind === 'Single' ? null : m.id,
    showAs: x.showAs,
    type: graphType(x),
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(x.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus: { response: m.organizer.email.toLowerCase() === m.mailbox ? 'organizer' : 'none', time: '0001-01-01T00:00:00Z' },
    start: time(x.start),
    end: time(x.end),
    location: { displayName: x.location, locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} },
    locations: x.location ? [{ displayName: x.location, locationType: 'default', uniqueIdType: 'unknown' }] : [],
    recurrence: null,
    attendees: m.attendees.map((a) => ({
      type: a.role,
      status: { response: RESPONSE[a.response], time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: a.name, address: a.email },
    })),
    organizer: { emailAddress: { name: m.organizer.name, address: m.organizer.email } },
    onlineMeeting: null,
  };
  if (x.originalStart) e.originalStart = new Date(x.originalStart).toISOString().replace(/\.000Z$/, 'Z');
  if (withBody) e.body = { contentType: 'html', content: m.body };
  return e;
}

/** A series master or single item as GET /events/{id} returns it (used for seriesMasterId look-ups). */
export function masterJson(m: SimEvent, withBody: boolean): Record<string, unknown> {
  const x: ExpandedItem = {
    id: m.id,
    kind: 'Single',
    master: m,
    subject: m.subject,
    start: m.start,
    end: m.end,
    location: m.location,
    showAs: m.showAs,
    isCancelled: m.isCancelled,
    changeKey: m.changeKey,
    lastModified: m.lastModified,
  };
  const e = eventJson(x, withBody);
  if (m.recurrence) {
    e.type = 'seriesMaster';
    const p = m.recurrence.pattern;
    const r = m.recurrence.range;
    e.recurrence = {
      pattern: {
        type: p.kind,
        interval: 'interval' in p ? p.interval : 1,
        month: 'month' in p ? p.month : 0,
        dayOfMonth: 'dayOfMonth' in p ? p.dayOfMonth : 0,
        // Graph lists the days of a weekly or relative pattern, and an empty list for the others.
        daysOfWeek:
          p.kind === 'weekly' ? p.daysOfWeek.map((d) => WEEKDAYS[d]) : p.kind === 'relativeMonthly' ? [WEEKDAYS[p.dayOfWeek]] : [],
        firstDayOfWeek: p.kind === 'weekly' ? WEEKDAYS[p.firstDayOfWeek] : 'sunday',
        index: p.kind === 'relativeMonthly' ? WEEK_INDEX[p.weekIndex] : 'first',
      },
      range: {
        type: r.kind,
        startDate: r.startDate,
        endDate: r.kind === 'endDate' ? r.endDate : '0001-01-01',
        recurrenceTimeZone: ianaToWindows(m.timeZone),
        numberOfOccurrences: r.kind === 'numbered' ? r.count : 0,
      },
    };
  }
  return e;
}

export { addDays };
