// SyncFolderItems, one batch: item ids that were created/updated/deleted since a sync state.
import * as ews from 'ews-javascript-api';
import { libraryCall, libraryFolderId } from '../library-call.js';
import { callContext, type EwsSession } from '../session.js';

export const SYNC_BATCH = 512;

export interface SyncBatch {
  created: string[];
  updated: string[];
  deleted: string[];
  syncState: string;
  more: boolean;
}

export async function syncFolderItems(s: EwsSession, mailbox: string, folder: string, state: string | undefined): Promise<SyncBatch> {
  return libraryCall(callContext(s, mailbox, folder), async (svc) => {
    const res = await svc.SyncFolderItems(
      libraryFolderId(folder, mailbox),
      new ews.PropertySet(ews.BasePropertySet.IdOnly),
      null as unknown as ews.ItemId[],
      SYNC_BATCH,
      ews.SyncFolderItemsScope.NormalItems,
      state ?? null as unknown as string,
    );
    const created: string[] = [];
    const updated: string[] = [];
    const deleted: string[] = [];
    for (const c of res.GetEnumerator()) {
      const id = c.ItemId?.UniqueId ?? c.Item?.Id?.UniqueId;
      if (!id) continue;
      if (c.ChangeType === ews.ChangeType.Delete) deleted.push(id);
      else if (c.ChangeType === ews.ChangeType.Create) created.push(id);
      else if (c.ChangeType === ews.ChangeType.Update) updated.push(id);
    }
    return { created, updated, deleted, syncState: res.SyncState, more: res.MoreChangesAvailable };
  });
}
