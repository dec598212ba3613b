// FindItem with a CalendarView: ids and times of the occurrences in [from, to), one page.
import * as ews from 'ews-javascript-api';
import { callContext, type EwsSession } from '../session.js';
import { isoOf, libraryCall, libraryFolderId, toLibraryDate } from '../library-call.js';

export interface CalendarViewEntry {
  id: string;
  start: string;
  end: string;
}

export interface CalendarViewPage {
  items: CalendarViewEntry[];
  /** IncludesLastItemInRange: false means the page was cut at MaxEntriesReturned. */
  includesLast: boolean;
}

export async function findCalendarView(s: EwsSession, mailbox: string, folder: string, from: Date, to: Date, maxEntries: number): Promise<CalendarViewPage> {
  return libraryCall(callContext(s, mailbox, folder), async (svc) => {
    const view = new ews.CalendarView(toLibraryDate(from), toLibraryDate(to), maxEntries);
    view.PropertySet = new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.AppointmentSchema.Start, ews.AppointmentSchema.End]);
    const res = await svc.FindAppointments(libraryFolderId(folder, mailbox), view);
    return {
      items: res.Items.map((a) => ({ id: a.Id.UniqueId, start: isoOf(a.Start)!, end: isoOf(a.End)! })),
      includesLast: !res.MoreAvailable,
    };
  });
}
