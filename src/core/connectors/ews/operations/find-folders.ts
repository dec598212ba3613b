// FindFolder with Deep traversal below a folder, paged (Exchange caps one answer at ~1000 folders).
import { libraryCall, libraryFolderId } from '../library-call.js';
import { callContext, type EwsSession } from '../session.js';
import { folderProperties, folderInfo, type FolderInfo } from './folder-info.js';

export const FIND_FOLDER_PAGE = 500;

export async function findFoldersDeep(s: EwsSession, mailbox: string, root: string): Promise<FolderInfo[]> {
  const out: FolderInfo[] = [];
  for (let offset = 0; ;) {
    const page = await libraryCall(callContext(s, mailbox, root), async (svc, ews) => {
      const view = new ews.FolderView(FIND_FOLDER_PAGE, offset);
      view.Traversal = ews.FolderTraversal.Deep;
      view.PropertySet = new ews.PropertySet(ews.BasePropertySet.IdOnly, folderProperties(ews));
      const res = await svc.FindFolders(libraryFolderId(ews, root, mailbox), view);
      return { folders: res.Folders.map(folderInfo), more: res.MoreAvailable, next: res.NextPageOffset };
    });
    out.push(...page.folders);
    if (!page.more || !page.folders.length) return out;
    offset = page.next ?? offset + page.folders.length;
  }
}
