// Operation name → handler. Each returns the <m:{Op}Response> element.
import type { EwsCall } from '../call.js';
import { getFolder } from './get-folder.js';
import { findFolder } from './find-folder.js';
import { findItem } from './find-item.js';
import { getItem } from './get-item.js';
import { syncFolderItems } from './sync-folder-items.js';
import { resolveNames } from './resolve-names.js';
import { findPeople } from './find-people.js';
import { getRoomLists, getRooms } from './room-lists.js';
import { getUserAvailability } from './get-user-availability.js';
import { createItem } from './create-item.js';
import { updateItem } from './update-item.js';
import { deleteItem } from './delete-item.js';
import { convertId } from './convert-id.js';
import { expandDl } from './expand-dl.js';
import { getUserOofSettings } from './get-user-oof-settings.js';

export type EwsOperation = (call: EwsCall) => Promise<string>;

export const OPERATIONS: Record<string, { handler: EwsOperation; since: string }> = {
  GetFolder: { handler: getFolder, since: 'Exchange2007' },
  FindFolder: { handler: findFolder, since: 'Exchange2007' },
  FindItem: { handler: findItem, since: 'Exchange2007' },
  GetItem: { handler: getItem, since: 'Exchange2007' },
  SyncFolderItems: { handler: syncFolderItems, since: 'Exchange2007' },
  ResolveNames: { handler: resolveNames, since: 'Exchange2007' },
  FindPeople: { handler: findPeople, since: 'Exchange2013' },
  GetRoomLists: { handler: getRoomLists, since: 'Exchange2010' },
  GetRooms: { handler: getRooms, since: 'Exchange2010' },
  GetUserAvailabilityRequest: { handler: getUserAvailability, since: 'Exchange2007' },
  CreateItem: { handler: createItem, since: 'Exchange2007' },
  UpdateItem: { handler: updateItem, since: 'Exchange2007' },
  DeleteItem: { handler: deleteItem, since: 'Exchange2007' },
  ConvertId: { handler: convertId, since: 'Exchange2007_SP1' },
  ExpandDL: { handler: expandDl, since: 'Exchange2007' },
  GetUserOofSettingsRequest: { handler: getUserOofSettings, since: 'Exchange2007' },
};
