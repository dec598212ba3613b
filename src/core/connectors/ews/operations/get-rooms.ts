// Room mailboxes: GetRoomLists, then GetRooms per list.
import { CalpumpError } from '../../../errors/calpump-error.js';
import { libraryCall } from '../library-call.js';
import { callContext, type EwsSession } from '../session.js';

export interface Room {
  displayName: string;
  smtp: string;
}

export async function getRooms(s: EwsSession): Promise<Room[]> {
  return libraryCall(callContext(s, undefined, undefined, false), async (svc, ews) => {
    const lists = await svc.GetRoomLists();
    const rooms = new Map<string, Room>();
    for (const list of lists.GetEnumerator()) {
      for (const r of await svc.GetRooms(new ews.EmailAddress(list.Address))) {
        if (r.Address) rooms.set(r.Address.toLowerCase(), { displayName: r.Name || r.Address, smtp: r.Address });
      }
    }
    return [...rooms.values()];
  });
}

/** The rooms of one room list (GetRooms); an address that is no room list is pump.group.notFound. */
export async function getRoomsOf(s: EwsSession, roomList: string): Promise<Room[]> {
  return libraryCall(callContext(s, undefined, undefined, false), async (svc, ews) => {
    let found;
    try {
      found = await svc.GetRooms(new ews.EmailAddress(roomList));
    } catch (e) {
      if ((e as { ErrorCode?: number }).ErrorCode === ews.ServiceError.ErrorNameResolutionNoResults)
        throw new CalpumpError('pump.group.notFound', { params: { group: roomList } });
      throw e;
    }
    const rooms = new Map<string, Room>();
    for (const r of found) if (r.Address) rooms.set(r.Address.toLowerCase(), { displayName: r.Name || r.Address, smtp: r.Address });
    return [...rooms.values()];
  });
}
