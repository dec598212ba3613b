// Reads one <t:CalendarItem> straight from the scanner's events into CalendarItemData — no XmlNode tree for the
// hundreds of items of a CalendarView page. The transport's parse hands every CalendarItem element to a new
// reader (see parseXml's capture) while the envelope around it is still built as a tree, so answer
// classification, ResponseCode handling and the scanner's checks (DTD refusal, depth limit) stay as they are.
// Same fields and rules as readCalendarItem (calendar-item.ts), which reads the tree form; text properties share readTextProperty.
import type { AttendeeData, CalendarItemData, MailboxData } from './calendar-item.js';
import { readTextProperty } from './calendar-item.js';
import { readCalendarItemText } from './calendar-item-text.js';
import { NO_ATTRS } from '../xml/scan-xml.js';
import type { XmlCapture, XmlCaptures } from '../xml/safe-xml.js';

type ListName = 'required' | 'optional' | 'resources';
/** Direct children whose start tag does more than hold text (see open()). */
const OPENS_SOMETHING = new Set(['ItemId', 'StartTimeZone', 'Categories', 'RequiredAttendees', 'OptionalAttendees', 'Resources']);
const LISTS: Record<string, ListName> = { RequiredAttendees: 'required', OptionalAttendees: 'optional', Resources: 'resources' };

export class CalendarItemReader implements XmlCapture<CalendarItemData> {
  private d: CalendarItemData = { id: '' };
  /** Open elements below the CalendarItem (index 0 = the item itself). */
  private readonly path: string[] = [];
  private buf = '';
  private mailbox?: MailboxData;
  private attendee?: AttendeeData;
  private list?: ListName;

  /** fromText false: every element through the scanner's events (the tests compare the two ways). */
  constructor(private readonly fromText = true) {}

  /** The whole item read straight from the text when it has the usual shape (calendar-item-text.ts). */
  content(text: string, from: number, qname: string, levels: number): number {
    if (!this.fromText) return -1;
    const d: CalendarItemData = { id: '' };
    const end = readCalendarItemText(text, from, qname, levels, d);
    if (end >= 0) this.d = d;
    return end;
  }

  open(name: string, attrs: Record<string, string>): void {
    const depth = this.path.push(name) - 1;
    this.buf = '';
    if (depth === 1) {
      if (name === 'ItemId') this.d.id = attrs.Id ?? '';
      else if (name === 'StartTimeZone') this.d.timeZoneId ??= attrs.Id || undefined;
      else if (name === 'Categories') this.d.categories = [];
      else if (name in LISTS) {
        this.list = LISTS[name];
        this.d[this.list] = [];
      }
    } else if (name === 'Mailbox' && depth === 2 && this.path[1] === 'Organizer') this.mailbox = {};
    else if (this.list && depth === 2 && name === 'Attendee') this.attendee = {};
    else if (this.attendee && depth === 3 && name === 'Mailbox') this.mailbox = {};
  }

  text(t: string): void {
    this.buf += t;
  }

  close(name: string): void {
    const depth = this.path.length - 1;
    this.path.pop();
    const t = this.buf;
    this.buf = '';
    if (depth === 1) {
      readTextProperty(this.d, name, t);
      if (name in LISTS) this.list = undefined;
      return;
    }
    if (this.mailbox && name !== 'Mailbox') {
      // Organizer/Mailbox/<x> or …Attendees/Attendee/Mailbox/<x>.
      if (name === 'Name') this.mailbox.name = t;
      else if (name === 'EmailAddress') this.mailbox.email = t;
      else if (name === 'RoutingType') this.mailbox.routingType = t;
      return;
    }
    if (name === 'Mailbox' && this.mailbox) {
      if (depth === 2) this.d.organizer = this.mailbox;
      else if (this.attendee) Object.assign(this.attendee, this.mailbox);
      this.mailbox = undefined;
    } else if (name === 'String' && depth === 2 && this.path[1] === 'Categories') this.d.categories!.push(t);
    else if (name === 'ResponseType' && depth === 3 && this.attendee) this.attendee.response = t;
    else if (name === 'Attendee' && depth === 2 && this.attendee && this.list) {
      this.d[this.list]!.push(this.attendee);
      this.attendee = undefined;
    }
  }

  /** A text-only element: item properties and mailbox fields straight away, anything else as open/text/close. */
  leaf(name: string, t: string): void {
    const depth = this.path.length;
    if (depth === 1 && !OPENS_SOMETHING.has(name)) {
      readTextProperty(this.d, name, t);
      return;
    }
    if (this.mailbox && name !== 'Mailbox') {
      if (name === 'Name') this.mailbox.name = t;
      else if (name === 'EmailAddress') this.mailbox.email = t;
      else if (name === 'RoutingType') this.mailbox.routingType = t;
      return;
    }
    this.open(name, NO_ATTRS);
    this.buf = t;
    this.close(name);
  }

  result(): CalendarItemData {
    return this.d;
  }
}

/** Pass to postNative: every CalendarItem of the answer read by a CalendarItemReader (calendarItemsOf finds them). */
export const CALENDAR_ITEMS: XmlCaptures = new Map([['CalendarItem', () => new CalendarItemReader()]]);
