// GetRoomLists / GetRooms (Exchange 2010+): room lists are distribution groups holding room mailboxes.
import { child, childText } from '../../xml/safe-parse.js';
import type { EwsCall } from '../call.js';
import { emailAddressXml } from '../recipients.js';
import { NS } from '../soap.js';

const open = (op: string, cls = 'Success') => `<m:${op}Response ResponseClass="${cls}" xmlns:m="${NS.m}" xmlns:t="${NS.t}">`;

export async function getRoomLists(call: EwsCall): Promise<string> {
  const lists = call.world.roomLists
    .map((l) => emailAddressXml('Address', { smtp: l.smtp, displayName: l.displayName, mailboxType: 'PublicDL' }))
    .join('');
  return `${open('GetRoomLists')}<m:ResponseCode>NoError</m:ResponseCode><m:RoomLists>${lists}</m:RoomLists></m:GetRoomListsResponse>`;
}

export async function getRooms(call: EwsCall): Promise<string> {
  const address = (childText(child(call.op, 'RoomList', NS.m), 'EmailAddress', NS.t) ?? '').trim().toLowerCase();
  const list = call.world.roomLists.find((l) => l.smtp === address);
  if (!list) {
    return `${open('GetRooms', 'Error')}<m:MessageText>No results were found.</m:MessageText><m:ResponseCode>ErrorNameResolutionNoResults</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:GetRoomsResponse>`;
  }
  const rooms = list.rooms
    .map((smtp) => call.world.mailboxes.get(smtp))
    .filter((m) => !!m)
    .map((m) => `<t:Room>${emailAddressXml('Id', { smtp: m.smtp, displayName: m.displayName, mailboxType: 'Mailbox' })}</t:Room>`)
    .join('');
  return `${open('GetRooms')}<m:ResponseCode>NoError</m:ResponseCode><m:Rooms>${rooms}</m:Rooms></m:GetRoomsResponse>`;
}
