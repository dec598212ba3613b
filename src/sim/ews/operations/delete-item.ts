// DeleteItem for calendar items: whole items/series or one occurrence; cancellations are recorded.
import { child, elementChildren } from '../../xml/safe-parse.js';
import type { EwsCall } from '../call.js';
import { openItemRef } from '../item-ref.js';
import { recordInvitations, requiredSendMode } from '../outbox.js';
import { perItem, wrapped } from '../responses.js';
import { NS, successMessage } from '../soap.js';

const CANCEL_VALUES = ['SendToNone', 'SendOnlyToAll', 'SendToAllAndSaveCopy'];

export async function deleteItem(call: EwsCall): Promise<string> {
  const refs = elementChildren(child(call.op, 'ItemIds', NS.m));
  const messages = perItem(
    refs,
    (ref) => {
      const { view } = openItemRef(call, ref, 'write');
      const cancellations = requiredSendMode(call, 'SendMeetingCancellations', CANCEL_VALUES);
      if (cancellations !== 'SendToNone' && view.ev.organizer.email === view.ev.mailbox) recordInvitations(call, view.ev, 'cancellation');
      call.world.mutate.deleteEvent(view.id);
      return successMessage('DeleteItemResponseMessage');
    },
    'DeleteItemResponseMessage',
  );
  return wrapped('DeleteItem', messages);
}
