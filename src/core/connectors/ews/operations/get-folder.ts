// GetFolder for one folder (a distinguished id such as 'calendar', or an EWS folder id).
import * as ews from 'ews-javascript-api';
import { libraryCall, libraryFolderId } from '../library-call.js';
import { callContext, type EwsSession } from '../session.js';
import { FOLDER_PROPERTIES, folderInfo, type FolderInfo } from './folder-info.js';

export async function getFolder(s: EwsSession, mailbox: string, folder: string): Promise<FolderInfo> {
  return libraryCall(callContext(s, mailbox, folder), async (svc) => {
    const f = await ews.Folder.Bind(svc, libraryFolderId(folder, mailbox), new ews.PropertySet(ews.BasePropertySet.IdOnly, FOLDER_PROPERTIES));
    return folderInfo(f);
  });
}
