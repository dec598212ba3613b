// Appointment → Graph event body (POST/PATCH) with Calpump's tags as singleValueExtendedProperties, and a
// tagged Graph event → OwnedItem. Times go out as wall-clock time in the item's zone (Windows name), so the
// item shows in its zone and all-day items land on their dates; they come back in UTC (Prefer header).
import type { Sensitivity, ShowAs } from '../../../../shared/model.js';
import { ianaToWindows, windowsToIana } from '../../../../shared/time-zones.js';
import { addDaysToDate, localMidnightIso, zoneOffsetMs } from '../../zoned-time.js';
import {
  CALPUMP_PROPERTY_SET_ID,
  TAG_NAMES,
  tagValues,
  type AppointmentField,
  type OwnedItem,
  type TagName,
  type WriteRequest,
} from '../../writer.js';

export const tagPropertyId = (name: TagName) => `String {${CALPUMP_PROPERTY_SET_ID}} Name ${TAG_NAMES[name]}`;

function wallClock(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return new Date(ms + zoneOffsetMs(timeZone, ms)).toISOString().slice(0, 19);
}

const GRAPH_KEYS: Record<AppointmentField, string[]> = {
  subject: ['subject'],
  start: ['start'],
  end: ['end'],
  isAllDay: ['isAllDay'],
  location: ['location'],
  showAs: ['showAs'],
  sensitivity: ['sensitivity'],
  categories: ['categories'],
  body: ['body'],
  reminder: ['isReminderOn', 'reminderMinutesBeforeStart'],
};

export function eventBody(req: WriteRequest): Record<string, unknown> {
  const a = req.appointment;
  const zone = ianaToWindows(a.timeZone);
  let start: { dateTime: string; timeZone: string };
  let end: { dateTime: string; timeZone: string };
  if (a.isAllDay) {
    const first = a.start.slice(0, 10);
    let last = a.end.slice(0, 10);
    if (last <= first) last = addDaysToDate(first, 1);
    start = { dateTime: wallClock(localMidnightIso(a.timeZone, first), a.timeZone), timeZone: zone };
    end = { dateTime: wallClock(localMidnightIso(a.timeZone, last), a.timeZone), timeZone: zone };
  } else {
    start = { dateTime: wallClock(a.start, a.timeZone), timeZone: zone };
    end = { dateTime: wallClock(a.end, a.timeZone), timeZone: zone };
  }
  const body: Record<string, unknown> = {
    subject: a.subject,
    start,
    end,
    isAllDay: a.isAllDay,
    showAs: a.showAs,
    sensitivity: a.sensitivity,
    categories: a.categories,
    location: { displayName: a.location },
    isReminderOn: a.reminderMinutes !== undefined,
    // Graph would send invitations only to attendees; Calpump never writes any, and asks for no responses.
    responseRequested: false,
  };
  if (a.reminderMinutes !== undefined) body.reminderMinutesBeforeStart = a.reminderMinutes;
  if (a.body !== undefined) body.body = { contentType: 'text', content: a.body };
  const tags = tagValues(req);
  if (tags.length) body.singleValueExtendedProperties = tags.map(([name, value]) => ({ id: tagPropertyId(name), value }));
  if (!req.fields) return body;
  const keep = new Set<string>(['singleValueExtendedProperties', 'responseRequested', ...req.fields.flatMap((f) => GRAPH_KEYS[f])]);
  return Object.fromEntries(Object.entries(body).filter(([k]) => keep.has(k)));
}

export interface TaggedGraphEvent {
  id: string;
  changeKey?: string;
  lastModifiedDateTime?: string;
  subject?: string | null;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
  isAllDay?: boolean;
  showAs?: string;
  sensitivity?: string;
  categories?: string[];
  location?: { displayName?: string } | null;
  isReminderOn?: boolean;
  reminderMinutesBeforeStart?: number;
  originalStartTimeZone?: string | null;
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
}

const utc = (dt: string) => new Date(/[zZ]|[+-]\d\d:\d\d$/.test(dt) ? dt : `${dt.slice(0, 23)}Z`).toISOString();

export function ownedFromGraph(e: TaggedGraphEvent, fallbackZone = 'UTC'): OwnedItem | undefined {
  const tags: Partial<Record<TagName, string>> = {};
  for (const p of e.singleValueExtendedProperties ?? []) {
    for (const name of Object.keys(TAG_NAMES) as TagName[])
      if (p.id.toLowerCase() === tagPropertyId(name).toLowerCase()) tags[name] = p.value;
  }
  if (!tags.sourceKey) return undefined;
  const isAllDay = !!e.isAllDay;
  const start = isAllDay ? `${e.start.dateTime.slice(0, 10)}T00:00:00.000Z` : utc(e.start.dateTime);
  const end = isAllDay ? `${e.end.dateTime.slice(0, 10)}T00:00:00.000Z` : utc(e.end.dateTime);
  const zone = e.originalStartTimeZone ? windowsToIana(e.originalStartTimeZone) : fallbackZone;
  return {
    id: e.id,
    changeKey: e.changeKey ?? '',
    lastModified: e.lastModifiedDateTime ? new Date(e.lastModifiedDateTime).toISOString() : '',
    sourceKey: tags.sourceKey,
    scope: tags.scope ?? '',
    contentHash: tags.hash || undefined,
    subject: e.subject ?? '',
    start,
    end,
    isAllDay,
    timeZone: zone,
    location: e.location?.displayName ?? '',
    showAs: (e.showAs ?? 'unknown') as ShowAs,
    sensitivity: (e.sensitivity ?? 'normal') as Sensitivity,
    categories: e.categories ?? [],
    reminderMinutes: e.isReminderOn ? (e.reminderMinutesBeforeStart ?? 15) : undefined,
  };
}
