// CalendarItemData (plain strings from our reader) → NormalisedEvent, with the same rules as the library path:
// all-day events become [date 00:00Z, next date 00:00Z) in the event's own zone, Windows zones become IANA,
// occurrences and exceptions carry their original start and series id.
import type { NormalisedEvent, ShowAs, Sensitivity } from '../../../../shared/model.js';
import { windowsToIana } from '../../../../shared/time-zones.js';
import { flatCopy } from '../xml/known-names.js';
import { allDayInstant } from './all-day.js';
import type { AttendeeData, CalendarItemData, MailboxData } from './calendar-item.js';

const SHOW_AS: Record<string, ShowAs> = {
  Free: 'free',
  Tentative: 'tentative',
  Busy: 'busy',
  OOF: 'oof',
  WorkingElsewhere: 'workingElsewhere',
  NoData: 'unknown',
};
const SENSITIVITY: Record<string, Sensitivity> = {
  Normal: 'normal',
  Personal: 'personal',
  Private: 'private',
  Confidential: 'confidential',
};
const RESPONSE: Record<string, 'none' | 'accepted' | 'tentative' | 'declined' | 'organizer' | 'unknown'> = {
  Unknown: 'unknown',
  Organizer: 'organizer',
  Tentative: 'tentative',
  Accept: 'accepted',
  Decline: 'declined',
  NoResponseReceived: 'none',
};

export interface EventOptions {
  /** IANA zone for items without one (the profile's time zone). */
  fallbackZone: string;
  /** Series master id per UID. */
  seriesIdByUid?: Map<string, string>;
  includeBody?: boolean;
  /** Set attendees when the item carries any (false: the read did not ask for them). */
  includeAttendees?: boolean;
}

// Kept for the process: keys are copies, never slices of an answer (which would keep the whole answer alive).
const zoneCache = new Map<string, { windows: string; iana: string }>();
// Items of one calendar mostly share a zone: the last answer is compared first (no hash of a new string).
let last: { windows: string; iana: string } | undefined;
function ianaOf(windowsZone: string): string {
  if (windowsZone === last?.windows) return last.iana;
  let z = zoneCache.get(windowsZone);
  if (z === undefined) {
    const windows = flatCopy(windowsZone);
    z = { windows, iana: windowsToIana(windows) };
    if (zoneCache.size < 512) zoneCache.set(windows, z);
  }
  last = z;
  return z.iana;
}

/**
 * The address when it is an SMTP address; undefined for a legacy Exchange DN (/O=…/CN=…, RoutingType EX) that
 * nobody could resolve: such a person is exported by name only, never with a DN as their e-mail address.
 */
export function smtpOf(m: MailboxData): string | undefined {
  const email = m.email?.trim();
  if (!email || m.routingType === 'EX' || email.startsWith('/') || !email.includes('@')) return undefined;
  return email;
}

type PersonType = 'required' | 'optional' | 'resource';
type Person = NonNullable<NormalisedEvent['attendees']>[number];

/** Appends one attendee list to out (a plain loop: no array or closure per item). */
function addPeople(out: Person[], list: AttendeeData[] | undefined, type: PersonType): void {
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    out.push({ name: a.name, email: smtpOf(a), type, response: RESPONSE[a.response ?? 'Unknown'] ?? 'unknown' });
  }
}

/** An instant as the event keeps it: all-day events as their date at 00:00Z in the event's zone. */
const timeOf = (iso: string, isAllDay: boolean, zone: string) => (isAllDay ? allDayInstant(iso, zone) : iso);

export function eventFromItem(d: CalendarItemData, opts: EventOptions): NormalisedEvent {
  const timeZone = d.timeZoneId ? ianaOf(d.timeZoneId) : opts.fallbackZone;
  const isAllDay = d.isAllDay ?? false;
  const start = d.start!;
  const uid = d.uid ?? '';
  const organizer = d.organizer;
  const e: NormalisedEvent = {
    id: d.id,
    iCalUId: uid,
    subject: d.subject ?? '',
    start: timeOf(start, isAllDay, timeZone),
    end: timeOf(d.end!, isAllDay, timeZone),
    timeZone,
    isAllDay,
    location: d.location ?? '',
    organizer: organizer ? { name: organizer.name, email: smtpOf(organizer) } : undefined,
    showAs: SHOW_AS[d.freeBusy ?? 'NoData'] ?? 'unknown',
    sensitivity: SENSITIVITY[d.sensitivity ?? 'Normal'] ?? 'normal',
    isCancelled: d.isCancelled ?? false,
    categories: d.categories ?? [],
    lastModified: d.lastModified ?? start,
  };
  if (opts.includeAttendees !== false && (d.required?.length || d.optional?.length || d.resources?.length)) {
    const all: Person[] = [];
    addPeople(all, d.required, 'required');
    addPeople(all, d.optional, 'optional');
    addPeople(all, d.resources, 'resource');
    e.attendees = all;
  }
  if (d.type === 'Occurrence' || d.type === 'Exception') {
    e.originalStart = timeOf(d.originalStart ?? d.recurrenceId ?? start, isAllDay, timeZone);
    if (d.type === 'Exception') e.isException = true;
    const series = opts.seriesIdByUid?.get(uid);
    if (series) e.seriesId = series;
  }
  if (opts.includeBody && d.body) e.body = d.body;
  return e;
}
