// iCalendar (RFC 5545): one VCALENDAR per mailbox-folder. Every occurrence is its own VEVENT with the series'
// UID (the iCalUId) and a RECURRENCE-ID at its original start, so a client that imports the file twice updates
// instead of duplicating. Times are UTC (no VTIMEZONE needed); all-day events are DATE values. DTSTAMP is the
// item's last modification, not "now", so an unchanged calendar exports byte-identically. A job's field selection
// leaves out the properties of the fields it does not name (icsEventData).
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalAttendeeType,
  ICalEventBusyStatus,
  ICalEventClass,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalAttendeeData,
  type ICalEventData,
} from 'ical-generator';
import type { EventField } from '../../../shared/event-fields.js';
import type { NormalisedEvent, ShowAs, Sensitivity } from '../../../shared/model.js';
import { foldIcsLines } from './ics-fold.js';
import { calendarNameOf, type EventEncoder, type FolderMeta } from './types.js';

const BUSY: Record<ShowAs, ICalEventBusyStatus | null> = {
  free: ICalEventBusyStatus.FREE,
  tentative: ICalEventBusyStatus.TENTATIVE,
  busy: ICalEventBusyStatus.BUSY,
  oof: ICalEventBusyStatus.OOF,
  workingElsewhere: ICalEventBusyStatus.BUSY,
  unknown: null,
};
const CLASS: Record<Sensitivity, ICalEventClass> = {
  normal: ICalEventClass.PUBLIC,
  personal: ICalEventClass.PUBLIC,
  private: ICalEventClass.PRIVATE,
  confidential: ICalEventClass.CONFIDENTIAL,
};
const PARTSTAT: Record<string, ICalAttendeeStatus> = {
  accepted: ICalAttendeeStatus.ACCEPTED,
  organizer: ICalAttendeeStatus.ACCEPTED,
  tentative: ICalAttendeeStatus.TENTATIVE,
  declined: ICalAttendeeStatus.DECLINED,
};

/** A property value may not contain line breaks unescaped; calendar names are written raw by ical-generator. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

function attendees(e: NormalisedEvent): ICalAttendeeData[] {
  return (e.attendees ?? [])
    .filter((a) => a.email)
    .map((a) => ({
      email: a.email!,
      name: a.name ? oneLine(a.name) : undefined,
      role: a.type === 'optional' ? ICalAttendeeRole.OPT : a.type === 'resource' ? ICalAttendeeRole.NON : ICalAttendeeRole.REQ,
      type: a.type === 'resource' ? ICalAttendeeType.RESOURCE : ICalAttendeeType.INDIVIDUAL,
      status: PARTSTAT[a.response] ?? ICalAttendeeStatus.NEEDSACTION,
    }));
}

/**
 * The VEVENT of one event. UID, DTSTART, DTEND (DATE values for all-day events), DTSTAMP and RECURRENCE-ID are always
 * written (RFC 5545 requires them, or a client could not tell occurrences apart); the other properties only for the
 * fields selected (absent: all).
 */
export function icsEventData(e: NormalisedEvent, fields?: readonly EventField[]): ICalEventData {
  const has = (f: EventField) => !fields || fields.includes(f);
  const data: ICalEventData = {
    id: e.iCalUId,
    start: new Date(e.start),
    end: new Date(e.end),
    allDay: e.isAllDay,
    recurrenceId: e.originalStart ? new Date(e.originalStart) : undefined,
    stamp: new Date(e.lastModified),
  };
  if (has('lastModified')) data.lastModified = new Date(e.lastModified);
  if (has('subject')) data.summary = e.subject;
  if (has('location')) data.location = e.location || undefined;
  if (has('body')) data.description = e.body ?? undefined;
  // ORGANIZER is a cal-address: without an e-mail there is nothing valid to write.
  if (has('organizer'))
    data.organizer = e.organizer?.email ? { name: oneLine(e.organizer.name ?? e.organizer.email), email: e.organizer.email } : undefined;
  if (has('attendees')) data.attendees = attendees(e);
  if (has('categories')) data.categories = e.categories.map((name) => ({ name }));
  if (has('isCancelled')) data.status = e.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED;
  if (has('showAs')) {
    data.busystatus = BUSY[e.showAs];
    data.transparency = e.showAs === 'free' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE;
  }
  if (has('sensitivity')) data.class = CLASS[e.sensitivity];
  if (has('timeZone')) data.x = { 'X-CALPUMP-TZID': e.timeZone };
  return data;
}

/** ical-generator writes an empty SUMMARY for an event without one: a selection without subject drops that line. */
export function withoutEmptySummary(fields: readonly EventField[] | undefined): (vevent: string) => string {
  if (!fields || fields.includes('subject')) return (vevent) => vevent;
  return (vevent) => vevent.replace(/^SUMMARY:\r?\n/m, '');
}

export function createIcsEncoder(meta: FolderMeta, fields?: readonly EventField[]): EventEncoder {
  const trim = withoutEmptySummary(fields);
  const cal = ical({ name: oneLine(calendarNameOf(meta)), prodId: { company: 'Calpump', product: 'Calpump', language: 'EN' } });
  return {
    format: 'ics',
    extension: 'ics',
    mediaType: 'text/calendar',
    begin: () => `${cal.toString().replace(/END:VCALENDAR$/, '')}`,
    event(e) {
      // One event at a time through the calendar keeps its defaults and line folding, then is dropped again.
      const text = trim(cal.createEvent(icsEventData(e, fields)).toString());
      cal.clear();
      return foldIcsLines(text).replace(/\r?\n?$/, '\r\n');
    },
    end: () => 'END:VCALENDAR\r\n',
  };
}
