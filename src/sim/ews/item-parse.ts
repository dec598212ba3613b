// Reading a <t:CalendarItem> from CreateItem/UpdateItem into world fields.
import type { RecurrencePattern, RecurrenceRange, SimAttendee, SimRecurrence } from '../world/types.js';
import { windowsToIana } from '../../shared/time-zones.js';
import { attr, child, childText, elementChildren, text } from '../xml/safe-parse.js';
import { extendedKey } from './shape.js';
import { EwsResponseError, NS } from './soap.js';
import { SENSITIVITY_FROM_EWS, SHOW_AS_FROM_EWS } from './values.js';
import type { ShowAs, Sensitivity } from '../../shared/model.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const INDEX = ['', 'First', 'Second', 'Third', 'Fourth', 'Last'];

export interface ParsedCalendarItem {
  subject?: string;
  body?: string;
  sensitivity?: Sensitivity;
  categories?: string[];
  importance?: 'Low' | 'Normal' | 'High';
  reminderMinutes?: number;
  extended: Array<{ key: string; value: string }>;
  start?: string;
  end?: string;
  isAllDay?: boolean;
  showAs?: ShowAs;
  location?: string;
  attendees?: SimAttendee[];
  attendeeRoles: Set<SimAttendee['role']>;
  recurrence?: SimRecurrence;
  timeZone?: string;
}

function invalid(message: string): never {
  throw new EwsResponseError('ErrorCalendarInvalidRecurrence', message);
}

function date(value: string | undefined): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) invalid('The recurrence range has an invalid date.');
  return value.slice(0, 10);
}

function parseRecurrence(el: Element): SimRecurrence {
  const [p, r] = elementChildren(el);
  if (!p || !r) invalid('Recurrence pattern and range are required.');
  const interval = Number(childText(p, 'Interval', NS.t) ?? 1);
  const days = (childText(p, 'DaysOfWeek', NS.t) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((d) => DAYS.indexOf(d));
  let pattern: RecurrencePattern;
  switch (p.localName) {
    case 'DailyRecurrence':
      pattern = { kind: 'daily', interval };
      break;
    case 'WeeklyRecurrence':
      if (!days.length || days.includes(-1))
        throw new EwsResponseError('ErrorCalendarInvalidDayForWeeklyRecurrence', 'Invalid day for weekly recurrence.');
      pattern = {
        kind: 'weekly',
        interval,
        daysOfWeek: days,
        firstDayOfWeek: Math.max(0, DAYS.indexOf(childText(p, 'FirstDayOfWeek', NS.t) ?? 'Sunday')),
      };
      break;
    case 'AbsoluteMonthlyRecurrence':
      pattern = { kind: 'absoluteMonthly', interval, dayOfMonth: Number(childText(p, 'DayOfMonth', NS.t)) };
      break;
    case 'RelativeMonthlyRecurrence':
      pattern = {
        kind: 'relativeMonthly',
        interval,
        dayOfWeek: Math.max(0, days[0] ?? 0),
        weekIndex: Math.max(1, INDEX.indexOf(childText(p, 'DayOfWeekIndex', NS.t) ?? 'First')) as 1,
      };
      break;
    case 'AbsoluteYearlyRecurrence':
      pattern = {
        kind: 'absoluteYearly',
        month: MONTHS.indexOf(childText(p, 'Month', NS.t) ?? '') + 1,
        dayOfMonth: Number(childText(p, 'DayOfMonth', NS.t)),
      };
      break;
    default:
      invalid(`Recurrence pattern ${p.localName} is not supported by the simulator.`);
  }
  const startDate = date(childText(r, 'StartDate', NS.t));
  let range: RecurrenceRange;
  if (r.localName === 'EndDateRecurrence') range = { kind: 'endDate', startDate, endDate: date(childText(r, 'EndDate', NS.t)) };
  else if (r.localName === 'NumberedRecurrence')
    range = { kind: 'numbered', startDate, count: Number(childText(r, 'NumberOfOccurrences', NS.t)) };
  else range = { kind: 'noEnd', startDate };
  return { pattern, range };
}

function attendees(el: Element | undefined, role: SimAttendee['role']): SimAttendee[] {
  return elementChildren(el, 'Attendee', NS.t).map((a) => {
    const mb = child(a, 'Mailbox', NS.t);
    const email = (childText(mb, 'EmailAddress', NS.t) ?? '').trim().toLowerCase();
    return { name: childText(mb, 'Name', NS.t) ?? email, email, role, response: 'NoResponseReceived' as const };
  });
}

function instant(value: string | undefined, field: string): string {
  const ms = value ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new EwsResponseError('ErrorInvalidValueForProperty', `The value of ${field} is invalid.`);
  return new Date(ms).toISOString();
}

export function parseCalendarItem(item: Element): ParsedCalendarItem {
  const out: ParsedCalendarItem = { extended: [], attendeeRoles: new Set() };
  for (const f of elementChildren(item)) {
    const v = text(f);
    switch (f.localName) {
      case 'Subject':
        out.subject = v;
        break;
      case 'Body':
        out.body = v;
        break;
      case 'Sensitivity':
        out.sensitivity = SENSITIVITY_FROM_EWS[v] ?? 'normal';
        break;
      case 'Categories':
        out.categories = elementChildren(f, 'String', NS.t).map(text);
        break;
      case 'Importance':
        out.importance = v as ParsedCalendarItem['importance'];
        break;
      case 'ReminderMinutesBeforeStart':
        out.reminderMinutes = Number(v);
        break;
      case 'ExtendedProperty': {
        const uri = child(f, 'ExtendedFieldURI', NS.t);
        if (!uri) throw new EwsResponseError('ErrorInvalidExtendedProperty', 'The extended property attribute combination is invalid.');
        const values = child(f, 'Values', NS.t);
        out.extended.push({
          key: extendedKey(uri).key,
          value: values ? elementChildren(values).map(text).join('\n') : (childText(f, 'Value', NS.t) ?? ''),
        });
        break;
      }
      case 'Start':
        out.start = instant(v, 'Start');
        break;
      case 'End':
        out.end = instant(v, 'End');
        break;
      case 'IsAllDayEvent':
        out.isAllDay = v === 'true';
        break;
      case 'LegacyFreeBusyStatus':
        out.showAs = SHOW_AS_FROM_EWS[v] ?? 'busy';
        break;
      case 'Location':
        out.location = v;
        break;
      case 'RequiredAttendees':
      case 'OptionalAttendees':
      case 'Resources': {
        const role = f.localName === 'RequiredAttendees' ? 'required' : f.localName === 'OptionalAttendees' ? 'optional' : 'resource';
        out.attendees = [...(out.attendees ?? []), ...attendees(f, role)];
        out.attendeeRoles.add(role);
        break;
      }
      case 'Recurrence':
        out.recurrence = parseRecurrence(f);
        break;
      case 'StartTimeZone':
      case 'MeetingTimeZone': {
        const id = attr(f, 'Id') ?? attr(f, 'TimeZoneName');
        if (id) out.timeZone = windowsToIana(id);
        break;
      }
      case 'StartTimeZoneId':
        out.timeZone = windowsToIana(v);
        break;
      default:
        break;
    }
  }
  return out;
}
