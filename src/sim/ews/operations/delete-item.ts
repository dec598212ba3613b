// DeleteItem for calendar items: whole items/series or one occurrence; cancellations are recorded.
import { attr, child, elementChildren } from '../../xml/safe-parse.js';
import type { EwsCall } from '../call.js';
import { requireWrite } from '../call.js';
import { resolveItemRef } from '../item-ref.js';
import { recordInvitations } from '../outbox.js';
import { perItem, wrapped } from '../responses.js';
import { EwsResponseError, NS, successMessage } from '../soap.js';

const CANCEL_VALUES = ['SendToNone', 'SendOnlyToAll', 'SendToAllAndSaveCopy'];

export async function deleteItem(call: EwsCall): Promise<string> {
  const cancellations = attr(call.op, 'SendMeetingCancellations');
  const refs = elementChildren(child(call.op, 'ItemIds', NS.m));
  const messages = perItem(
    refs,
    (ref) => {
      const view = resolveItemRef(call, ref);
      const folder = call.world.folders.get(view.ev.folderId)!;
      call.counters.touch(folder.mailbox, folder.id);
      requireWrite(call, folder);
      if (!cancellations || !CANCEL_VALUES.includes(cancellations)) {
        throw new EwsResponseError('ErrorSendMeetingCancellationsRequired', 'The SendMeetingCancellations attribute is required for calendar items.');
      }
      if (cancellations !== 'SendToNone' && view.ev.organizer.email === view.ev.mailbox) recordInvitations(call, view.ev, 'cancellation');
      call.world.mutate.deleteEvent(view.id);
      return successMessage('DeleteItemResponseMessage');
    },
    'DeleteItemResponseMessage',
  );
  return wrapped('DeleteItem', messages);
}
