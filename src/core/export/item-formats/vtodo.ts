// Tasks as iCalendar VTODO (RFC 5545): one VCALENDAR per mailbox-folder, one VTODO per task, built and escaped by
// ical.js (ical-generator writes no VTODO). Exchange's five states map to STATUS (waitingOnOthers and deferred are
// NEEDS-ACTION there) and are kept exactly in X-CALPUMP-TASK-STATUS; importance maps to PRIORITY as Outlook does
// (high 1, normal 5, low 9). Dates without a time stay DATE values; COMPLETED must be a UTC date-time, so a
// completion date is written as that date's midnight UTC.
import ICAL from 'ical.js';
import type { NormalisedTask, TaskStatus } from '../../../shared/item-model.js';
import { calendarNameOf, type FolderMeta } from '../formats/types.js';
import type { ItemEncoder } from './types.js';

const STATUS: Record<TaskStatus, string> = {
  notStarted: 'NEEDS-ACTION',
  inProgress: 'IN-PROCESS',
  completed: 'COMPLETED',
  waitingOnOthers: 'NEEDS-ACTION',
  deferred: 'NEEDS-ACTION',
};
const PRIORITY: Record<NormalisedTask['importance'], number> = { high: 1, normal: 5, low: 9 };
const CRLF = '\r\n';

const dateTime = (iso: string) => ICAL.Time.fromJSDate(new Date(iso), true);

export function vtodoOf(t: NormalisedTask): string {
  const c = new ICAL.Component('vtodo');
  c.addPropertyWithValue('uid', t.id);
  c.addPropertyWithValue('dtstamp', dateTime(t.lastModified));
  c.addPropertyWithValue('last-modified', dateTime(t.lastModified));
  c.addPropertyWithValue('summary', t.subject);
  c.addPropertyWithValue('status', STATUS[t.status]);
  c.addPropertyWithValue('x-calpump-task-status', t.status);
  c.addPropertyWithValue('priority', PRIORITY[t.importance]);
  if (t.startDate) c.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(t.startDate));
  if (t.dueDate) c.addPropertyWithValue('due', ICAL.Time.fromDateString(t.dueDate));
  if (t.completedDate) c.addPropertyWithValue('completed', dateTime(`${t.completedDate}T00:00:00Z`));
  if (t.categories.length) {
    const p = new ICAL.Property('categories');
    p.setValues(t.categories);
    c.addProperty(p);
  }
  if (t.body) c.addPropertyWithValue('description', t.body);
  return c.toString() + CRLF;
}

export function createVtodoEncoder(meta: FolderMeta): ItemEncoder {
  return {
    extension: 'ics',
    mediaType: 'text/calendar',
    begin: () => {
      const cal = new ICAL.Component('vcalendar');
      cal.addPropertyWithValue('version', '2.0');
      cal.addPropertyWithValue('prodid', '-//Calpump//Calpump//EN');
      cal.addPropertyWithValue('x-wr-calname', calendarNameOf(meta));
      // The calendar's own lines, without its END line (the tasks follow, then end()).
      return cal.toString().replace(/END:VCALENDAR$/, '');
    },
    item: (i) => (i.kind === 'task' ? vtodoOf(i) : ''),
    end: () => `END:VCALENDAR${CRLF}`,
  };
}
