// GetFolder for one folder (a distinguished id such as 'calendar', or an EWS folder id).
import { libraryCall, libraryFolderId } from '../library-call.js';
import { callContext, type EwsSession } from '../session.js';
import { folderProperties, folderInfo, type FolderInfo } from './folder-info.js';

export async function getFolder(s: EwsSession, mailbox: string, folder: string): Promise<FolderInfo> {
  return libraryCall(callContext(s, mailbox, folder), async (svc, ews) => {
    const f = await ews.Folder.Bind(
      svc,
      libraryFolderId(ews, folder, mailbox),
      new ews.PropertySet(ews.BasePropertySet.IdOnly, folderProperties(ews)),
    );
    return folderInfo(f);
  });
}
