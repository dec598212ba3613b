// ews-javascript-api Appointment → NormalisedEvent. All-day events become [date 00:00Z, next date 00:00Z)
// using the event's own time zone (Exchange stores them as local midnights); Windows zone ids become IANA.
import * as ews from 'ews-javascript-api';
import type { NormalisedEvent, ShowAs, Sensitivity } from '../../../shared/model.js';
import { windowsToIana } from '../../../shared/time-zones.js';
import { isoOf, prop } from './library-call.js';

const SHOW_AS: Record<string, ShowAs> = { Free: 'free', Tentative: 'tentative', Busy: 'busy', OOF: 'oof', WorkingElsewhere: 'workingElsewhere', NoData: 'unknown' };
const SENSITIVITY: Record<string, Sensitivity> = { Normal: 'normal', Personal: 'personal', Private: 'private', Confidential: 'confidential' };
const RESPONSE: Record<string, 'none' | 'accepted' | 'tentative' | 'declined' | 'organizer' | 'unknown'> = {
  Unknown: 'unknown',
  Organizer: 'organizer',
  Tentative: 'tentative',
  Accept: 'accepted',
  Decline: 'declined',
  NoResponseReceived: 'none',
};

// One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it.
const dateFormats = new Map<string, Intl.DateTimeFormat | null>();
function dateFormat(ianaZone: string): Intl.DateTimeFormat | null {
  let f = dateFormats.get(ianaZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone: ianaZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = null;
    }
    if (dateFormats.size < 512) dateFormats.set(ianaZone, f);
  }
  return f;
}

/** YYYY-MM-DD of an instant as seen in an IANA zone (UTC when the zone is unknown to this runtime). */
export function localDate(instantIso: string, ianaZone: string): string {
  const at = new Date(instantIso);
  const f = dateFormat(ianaZone);
  if (!f) return at.toISOString().slice(0, 10);
  const parts = f.formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function allDayInstant(instantIso: string, ianaZone: string): string {
  return `${localDate(instantIso, ianaZone)}T00:00:00.000Z`;
}

export interface NormaliseOptions {
  /** IANA zone used when the item carries none (the profile's time zone). */
  fallbackZone: string;
  /** Series master id per UID, filled from GetItem of RecurringMasterItemId. */
  seriesIdByUid?: Map<string, string>;
  includeBody?: boolean;
}

function attendees(coll: ews.AttendeeCollection | undefined, type: 'required' | 'optional' | 'resource') {
  const list = coll ? (coll.GetEnumerator?.() ?? []) : [];
  return list.map((a) => ({
    name: a.Name ?? undefined,
    email: a.Address ?? undefined,
    type,
    response: RESPONSE[ews.MeetingResponseType[a.ResponseType as ews.MeetingResponseType] ?? 'Unknown'] ?? 'unknown',
  }));
}

export function normaliseAppointment(a: ews.Appointment, opts: NormaliseOptions): NormalisedEvent {
  const windowsZone = prop(() => a.StartTimeZone?.Id) || undefined;
  const timeZone = windowsZone ? windowsToIana(windowsZone) : opts.fallbackZone;
  const isAllDay = prop(() => a.IsAllDayEvent) ?? false;
  const time = (iso: string) => (isAllDay ? allDayInstant(iso, timeZone) : iso);
  const start = isoOf(prop(() => a.Start))!;
  const end = isoOf(prop(() => a.End))!;
  const type = ews.AppointmentType[prop(() => a.AppointmentType) ?? ews.AppointmentType.Single];
  const uid = prop(() => a.ICalUid) ?? '';
  const organizer = prop(() => a.Organizer);
  const categories = prop(() => a.Categories?.GetEnumerator?.()) ?? [];
  const e: NormalisedEvent = {
    id: a.Id.UniqueId,
    iCalUId: uid,
    subject: prop(() => a.Subject) ?? '',
    start: time(start),
    end: time(end),
    timeZone,
    isAllDay,
    location: prop(() => a.Location) ?? '',
    organizer: organizer ? { name: organizer.Name ?? undefined, email: organizer.Address ?? undefined } : undefined,
    showAs: SHOW_AS[ews.LegacyFreeBusyStatus[prop(() => a.LegacyFreeBusyStatus) ?? ews.LegacyFreeBusyStatus.NoData]] ?? 'unknown',
    sensitivity: SENSITIVITY[ews.Sensitivity[prop(() => a.Sensitivity) ?? ews.Sensitivity.Normal]] ?? 'normal',
    isCancelled: prop(() => a.IsCancelled) ?? false,
    categories: [...categories],
    lastModified: isoOf(prop(() => a.LastModifiedTime)) ?? start,
  };
  const people = [
    ...attendees(prop(() => a.RequiredAttendees), 'required'),
    ...attendees(prop(() => a.OptionalAttendees), 'optional'),
    ...attendees(prop(() => a.Resources), 'resource'),
  ];
  if (people.length) e.attendees = people;
  if (type === 'Occurrence' || type === 'Exception') {
    const original = isoOf(prop(() => a.OriginalStart)) ?? isoOf(prop(() => a.ICalRecurrenceId)) ?? start;
    e.originalStart = time(original);
    const series = opts.seriesIdByUid?.get(uid);
    if (series) e.seriesId = series;
  }
  if (opts.includeBody) {
    const body = prop(() => a.Body?.Text);
    if (body) e.body = body;
  }
  return e;
}
