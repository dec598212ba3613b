// One <t:CalendarItem> of a FindItem or GetItem answer, read in a single pass over its children into plain
// strings (no library objects, no moment): what the normalised event and the attendee merge need.
import type { XmlNode } from '../xml/safe-xml.js';

export interface MailboxData {
  name?: string;
  email?: string;
  routingType?: string;
}

export interface AttendeeData extends MailboxData {
  response?: string;
}

export interface CalendarItemData {
  id: string;
  subject?: string;
  sensitivity?: string;
  categories?: string[];
  lastModified?: string;
  uid?: string;
  recurrenceId?: string;
  start?: string;
  end?: string;
  originalStart?: string;
  isAllDay?: boolean;
  freeBusy?: string;
  location?: string;
  isCancelled?: boolean;
  type?: string;
  organizer?: MailboxData;
  required?: AttendeeData[];
  optional?: AttendeeData[];
  resources?: AttendeeData[];
  body?: string;
  /** Windows zone id: StartTimeZoneId (2013+) or the Id of StartTimeZone. */
  timeZoneId?: string;
}

/** EWS xs:dateTime → ISO 8601 UTC with milliseconds. Exchange sends UTC ("…Z"); a bare time is taken as UTC. */
export function ewsInstant(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (t.length === 20 && t.charCodeAt(19) === 90 /* Z */) return `${t.slice(0, 19)}.000Z`;
  const ms = Date.parse(/(?:Z|[+-]\d\d:\d\d)$/.test(t) ? t : `${t}Z`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

export function readMailbox(n: XmlNode | undefined): MailboxData | undefined {
  if (!n) return undefined;
  const out: MailboxData = {};
  for (const c of n.children) {
    if (c.name === 'Name') out.name = c.text;
    else if (c.name === 'EmailAddress') out.email = c.text;
    else if (c.name === 'RoutingType') out.routingType = c.text;
  }
  return out;
}

function readAttendees(n: XmlNode): AttendeeData[] {
  const out: AttendeeData[] = [];
  for (const a of n.children) {
    if (a.name !== 'Attendee') continue;
    let person: AttendeeData = {};
    for (const c of a.children) {
      if (c.name === 'Mailbox') person = { ...readMailbox(c), response: person.response };
      else if (c.name === 'ResponseType') person.response = c.text;
    }
    out.push(person);
  }
  return out;
}

const bool = (s: string) => s.trim() === 'true';

/**
 * A property whose value is the element's text: sets it on d and returns true (false: not such a property).
 * Shared by the tree reader below and the streaming one (calendar-item-reader.ts).
 */
export function readTextProperty(d: CalendarItemData, name: string, t: string): boolean {
  switch (name) {
    case 'Subject':
      d.subject = t;
      break;
    case 'Sensitivity':
      d.sensitivity = t;
      break;
    case 'LastModifiedTime':
      d.lastModified = ewsInstant(t);
      break;
    case 'UID':
      d.uid = t;
      break;
    case 'RecurrenceId':
      d.recurrenceId = ewsInstant(t);
      break;
    case 'Start':
      d.start = ewsInstant(t);
      break;
    case 'End':
      d.end = ewsInstant(t);
      break;
    case 'OriginalStart':
      d.originalStart = ewsInstant(t);
      break;
    case 'IsAllDayEvent':
      d.isAllDay = bool(t);
      break;
    case 'LegacyFreeBusyStatus':
      d.freeBusy = t;
      break;
    case 'Location':
      d.location = t;
      break;
    case 'IsCancelled':
      d.isCancelled = bool(t);
      break;
    case 'CalendarItemType':
      d.type = t;
      break;
    case 'Body':
      d.body = t;
      break;
    case 'StartTimeZoneId':
      d.timeZoneId = t || d.timeZoneId;
      break;
    default:
      return false;
  }
  return true;
}

export function readCalendarItem(item: XmlNode): CalendarItemData {
  const d: CalendarItemData = { id: '' };
  for (const c of item.children) {
    switch (c.name) {
      case 'ItemId':
        d.id = c.attrs.Id ?? '';
        break;
      case 'Categories':
        d.categories = c.children.filter((s) => s.name === 'String').map((s) => s.text);
        break;
      case 'Organizer':
        d.organizer = readMailbox(c.children.find((m) => m.name === 'Mailbox'));
        break;
      case 'RequiredAttendees':
        d.required = readAttendees(c);
        break;
      case 'OptionalAttendees':
        d.optional = readAttendees(c);
        break;
      case 'Resources':
        d.resources = readAttendees(c);
        break;
      case 'StartTimeZone':
        d.timeZoneId ??= c.attrs.Id || undefined;
        break;
      default:
        readTextProperty(d, c.name, c.text);
    }
  }
  return d;
}

/** An item element's data: read during the parse (CALENDAR_ITEMS capture, calendar-item-reader.ts) or from the tree. */
export function calendarItemOf(item: XmlNode): CalendarItemData {
  return (item.value as CalendarItemData | undefined) ?? readCalendarItem(item);
}

/** The ItemId of an item element of any kind (captured CalendarItems carry it in their value), if it has one. */
export function itemIdOf(item: XmlNode): string | undefined {
  const v = item.value as CalendarItemData | undefined;
  if (v) return v.id || undefined;
  for (const c of item.children) if (c.name === 'ItemId') return c.attrs.Id;
  return undefined;
}
