// CreateItem for calendar items (write direction): SendMeetingInvitations is mandatory, like Exchange.
import { child, elementChildren } from '../../xml/safe-parse.js';
import { esc } from '../../xml/escape.js';
import type { SimEvent } from '../../world/types.js';
import { createRng, hash32 } from '../../world/prng.js';
import { exchangeUid } from '../../world/event-builder.js';
import { localDate, localMidnight } from '../../world/tz.js';
import { addDays } from '../../world/tz.js';
import type { EwsCall } from '../call.js';
import { openFolder } from '../call.js';
import { folderRefs, resolveFolderRef } from '../folder-ref.js';
import { parseCalendarItem } from '../item-parse.js';
import { perItem, wrapped } from '../responses.js';
import { EwsResponseError, NS, successMessage } from '../soap.js';
import { recordInvitations, requiredSendMode } from '../outbox.js';

const INVITATION_VALUES = ['SendToNone', 'SendOnlyToAll', 'SendToAllAndSaveCopy'];

/** All-day items are stored from local midnight to local midnight of their zone, as Exchange does. */
export function normaliseAllDay(start: string, end: string, tz: string): { start: string; end: string } {
  const s = localDate(tz, Date.parse(start));
  let e = localDate(tz, Date.parse(end));
  if (e <= s) e = addDays(s, 1);
  return { start: new Date(localMidnight(tz, s)).toISOString(), end: new Date(localMidnight(tz, e)).toISOString() };
}

export async function createItem(call: EwsCall): Promise<string> {
  const items = elementChildren(child(call.op, 'Items', NS.m));
  const folderRef = folderRefs(child(call.op, 'SavedItemFolderId', NS.m))[0];
  const messages = perItem(
    items,
    (itemEl) => {
      if (itemEl.localName !== 'CalendarItem')
        throw new EwsResponseError('ErrorInvalidRequest', 'The simulator only stores calendar items.');
      const send = requiredSendMode(call, 'SendMeetingInvitations', INVITATION_VALUES);
      const folder = folderRef
        ? resolveFolderRef(call, folderRef)
        : call.world.folders.get(call.world.mailboxes.get(call.actingSmtp ?? '')?.distinguished.calendar ?? '');
      if (!folder) throw new EwsResponseError('ErrorFolderNotFound', 'The specified folder could not be found in the store.');
      openFolder(call, folder, 'write');
      if (folder.folderClass !== 'IPF.Appointment')
        throw new EwsResponseError('ErrorInvalidRequest', 'Calendar items can only be saved in calendar folders.');
      const p = parseCalendarItem(itemEl);
      if (!p.start || !p.end) throw new EwsResponseError('ErrorInvalidRequest', 'Start and End are required.');
      if (Date.parse(p.end) < Date.parse(p.start))
        throw new EwsResponseError('ErrorCalendarEndDateIsEarlierThanStartDate', 'EndDate is earlier than StartDate');
      const mb = call.world.mailboxes.get(folder.mailbox)!;
      const timeZone = p.timeZone ?? call.timeZoneContext ?? 'UTC';
      const times = p.isAllDay ? normaliseAllDay(p.start, p.end, timeZone) : { start: p.start, end: p.end };
      const now = call.world.now().toISOString();
      const attendeesList = p.attendees ?? [];
      const organizer = { name: mb.displayName, email: mb.smtp };
      const data: Omit<SimEvent, 'id' | 'changeKey' | 'mailbox' | 'folderId'> = {
        iCalUId: exchangeUid(createRng(hash32(now + (p.subject ?? '') + call.world.seq)), Date.parse(now)),
        subject: p.subject ?? '',
        body: p.body ?? '',
        location: p.location ?? '',
        ...times,
        timeZone,
        isAllDay: !!p.isAllDay,
        showAs: p.showAs ?? 'busy',
        sensitivity: p.sensitivity ?? 'normal',
        importance: p.importance ?? 'Normal',
        categories: p.categories ?? [],
        organizer,
        attendees: attendeesList.length ? [{ ...organizer, role: 'required', response: 'Organizer' }, ...attendeesList] : [],
        isMeeting: attendeesList.length > 0,
        isCancelled: false,
        created: now,
        lastModified: now,
        recurrence: p.recurrence,
        exceptions: {},
        deletedOccurrences: [],
        extendedProperties: p.extended,
        reminderMinutes: p.reminderMinutes ?? 15,
        appointmentSequence: 0,
      };
      const ev = call.world.mutate.insertEvent(data, mb.smtp, folder.id);
      if (send !== 'SendToNone') recordInvitations(call, ev, 'request');
      return successMessage(
        'CreateItemResponseMessage',
        `<m:Items><t:CalendarItem><t:ItemId Id="${esc(ev.id)}" ChangeKey="${esc(ev.changeKey)}"/></t:CalendarItem></m:Items>`,
      );
    },
    'CreateItemResponseMessage',
    '<m:Items/>',
  );
  return wrapped('CreateItem', messages);
}
