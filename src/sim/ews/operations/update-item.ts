// UpdateItem: SetItemField / DeleteItemField on a calendar item or one occurrence. A stale ChangeKey is
// refused (ErrorIrresolvableConflict) unless ConflictResolution="AlwaysOverwrite".
import { attr, child, elementChildren } from '../../xml/safe-parse.js';
import { esc } from '../../xml/escape.js';
import type { SimEvent } from '../../world/types.js';
import type { EwsCall } from '../call.js';
import { openItemRef } from '../item-ref.js';
import { parseCalendarItem } from '../item-parse.js';
import { recordInvitations, requiredSendMode } from '../outbox.js';
import { perItem, wrapped } from '../responses.js';
import { extendedKey } from '../shape.js';
import { EwsResponseError, NS, successMessage } from '../soap.js';
import { normaliseAllDay } from './create-item.js';

const SEND_VALUES = ['SendToNone', 'SendOnlyToAll', 'SendOnlyToChanged', 'SendToAllAndSaveCopy', 'SendToChangedAndSaveCopy'];
const OCCURRENCE_FIELDS = new Set(['subject', 'start', 'end', 'location', 'showAs']);

export async function updateItem(call: EwsCall): Promise<string> {
  const conflict = attr(call.op, 'ConflictResolution') ?? 'AutoResolve';
  const changes = elementChildren(child(call.op, 'ItemChanges', NS.m), 'ItemChange', NS.t);
  const messages = perItem(
    changes,
    (change) => {
      const ref = elementChildren(change).find((e) => e.localName.endsWith('ItemId'));
      if (!ref) throw new EwsResponseError('ErrorInvalidRequest', 'The request is invalid.');
      const { view } = openItemRef(call, ref, 'write');
      const send = requiredSendMode(call, 'SendMeetingInvitationsOrCancellations', SEND_VALUES);
      const ck = attr(ref, 'ChangeKey');
      if (ck && ck !== view.changeKey && conflict !== 'AlwaysOverwrite') {
        throw new EwsResponseError(
          'ErrorIrresolvableConflict',
          'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
        );
      }
      const patch: Partial<SimEvent> = {};
      let extended = [...view.ev.extendedProperties];
      for (const u of elementChildren(child(change, 'Updates', NS.t))) {
        const uriEl = elementChildren(u).find((e) => e.localName.endsWith('FieldURI'))!;
        if (u.localName === 'DeleteItemField') {
          if (uriEl?.localName === 'ExtendedFieldURI') {
            const key = extendedKey(uriEl).key.toLowerCase();
            extended = extended.filter((p) => p.key.toLowerCase() !== key);
          } else if (attr(uriEl, 'FieldURI') === 'calendar:Location') patch.location = '';
          else if (attr(uriEl, 'FieldURI') === 'item:Categories') patch.categories = [];
          else if (attr(uriEl, 'FieldURI') === 'calendar:Recurrence') patch.recurrence = undefined;
          continue;
        }
        const item = child(u, 'CalendarItem', NS.t);
        if (!item) throw new EwsResponseError('ErrorInvalidPropertySet', 'Only calendar item properties can be set.');
        const p = parseCalendarItem(item);
        for (const e of p.extended) {
          extended = extended.filter((x) => x.key.toLowerCase() !== e.key.toLowerCase());
          extended.push(e);
        }
        const fields: Partial<SimEvent> = {
          subject: p.subject,
          body: p.body,
          sensitivity: p.sensitivity,
          categories: p.categories,
          importance: p.importance,
          reminderMinutes: p.reminderMinutes,
          start: p.start,
          end: p.end,
          isAllDay: p.isAllDay,
          showAs: p.showAs,
          location: p.location,
          recurrence: p.recurrence,
          timeZone: p.timeZone,
        };
        for (const [k, v] of Object.entries(fields)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
        if (p.attendees) {
          const keep = (patch.attendees ?? view.ev.attendees).filter((a) => !p.attendeeRoles.has(a.role) || a.response === 'Organizer');
          patch.attendees = [...keep, ...p.attendees];
          patch.isMeeting = patch.attendees.length > 0;
        }
      }
      let ev: SimEvent;
      if (view.kind === 'Occurrence' || view.kind === 'Exception') {
        const bad = Object.keys(patch).filter((k) => !OCCURRENCE_FIELDS.has(k));
        if (bad.length)
          throw new EwsResponseError('ErrorInvalidPropertyForOperation', `Property ${bad[0]} cannot be changed on a single occurrence.`);
        ev = call.world.mutate.updateEvent(view.id, patch);
      } else {
        const start = patch.start ?? view.ev.start;
        const end = patch.end ?? view.ev.end;
        if (Date.parse(end) < Date.parse(start))
          throw new EwsResponseError('ErrorCalendarEndDateIsEarlierThanStartDate', 'EndDate is earlier than StartDate');
        if (patch.isAllDay ?? view.ev.isAllDay) Object.assign(patch, normaliseAllDay(start, end, patch.timeZone ?? view.ev.timeZone));
        ev = call.world.mutate.updateEvent(view.id, { ...patch, extendedProperties: extended });
      }
      if (send !== 'SendToNone' && ev.organizer.email === ev.mailbox) recordInvitations(call, ev, 'update');
      const after = view.kind === 'Occurrence' || view.kind === 'Exception' ? ev.exceptions[view.originalStart!] : ev;
      return successMessage(
        'UpdateItemResponseMessage',
        `<m:Items><t:CalendarItem><t:ItemId Id="${esc(after.id)}" ChangeKey="${esc(after.changeKey)}"/></t:CalendarItem></m:Items><m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>`,
      );
    },
    'UpdateItemResponseMessage',
    '<m:Items/>',
  );
  return wrapped('UpdateItem', messages);
}
