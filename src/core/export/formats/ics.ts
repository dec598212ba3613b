// iCalendar (RFC 5545): one VCALENDAR per mailbox-folder. Every occurrence is its own VEVENT with the series'
// UID (the iCalUId) and a RECURRENCE-ID at its original start, so a client that imports the file twice updates
// instead of duplicating. Times are UTC (no VTIMEZONE needed); all-day events are DATE values. DTSTAMP is the
// item's last modification, not "now", so an unchanged calendar exports byte-identically.
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

export function icsEventData(e: NormalisedEvent): ICalEventData {
  return {
    id: e.iCalUId,
    start: new Date(e.start),
    end: new Date(e.end),
    allDay: e.isAllDay,
    recurrenceId: e.originalStart ? new Date(e.originalStart) : undefined,
    stamp: new Date(e.lastModified),
    lastModified: new Date(e.lastModified),
    summary: e.subject,
    location: e.location || undefined,
    description: e.body ?? undefined,
    // ORGANIZER is a cal-address: without an e-mail there is nothing valid to write.
    organizer: e.organizer?.email ? { name: oneLine(e.organizer.name ?? e.organizer.email), email: e.organizer.email } : undefined,
    attendees: attendees(e),
    categories: e.categories.map((name) => ({ name })),
    status: e.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    busystatus: BUSY[e.showAs],
    transparency: e.showAs === 'free' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    class: CLASS[e.sensitivity],
    x: { 'X-CALPUMP-TZID': e.timeZone },
  };
}

export function createIcsEncoder(meta: FolderMeta): EventEncoder {
  const cal = ical({ name: oneLine(calendarNameOf(meta)), prodId: { company: 'Calpump', product: 'Calpump', language: 'EN' } });
  return {
    format: 'ics',
    extension: 'ics',
    mediaType: 'text/calendar',
    begin: () => `${cal.toString().replace(/END:VCALENDAR$/, '')}`,
    event(e) {
      // One event at a time through the calendar keeps its defaults and line folding, then is dropped again.
      const text = cal.createEvent(icsEventData(e)).toString();
      cal.clear();
      return foldIcsLines(text).replace(/\r?\n?$/, '\r\n');
    },
    end: () => 'END:VCALENDAR\r\n',
  };
}
