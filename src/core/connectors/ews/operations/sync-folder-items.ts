// SyncFolderItems, one batch, built and read natively: item ids that were created/updated/deleted since a sync
// state (IdOnly; read-flag changes are not calendar changes). An invalid state is thrown as the mapped
// CalpumpError with params.code set, so the connector can fall back to a full resync.
import { CalpumpError } from '../../../errors/calpump-error.js';
import { folderIdXml, postNative, throwIfError } from '../native/soap-call.js';
import type { EwsSession } from '../session.js';
import { child, escapeXml, textOf, type XmlNode } from '../xml/safe-xml.js';

export const SYNC_BATCH = 512;

export interface SyncBatch {
  created: string[];
  updated: string[];
  deleted: string[];
  syncState: string;
  more: boolean;
}

export function syncFolderItemsBody(mailbox: string, folder: string, state: string | undefined): string {
  return (
    `<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>` +
    `<m:SyncFolderId>${folderIdXml(folder, mailbox)}</m:SyncFolderId>` +
    (state ? `<m:SyncState>${escapeXml(state)}</m:SyncState>` : '') +
    `<m:MaxChangesReturned>${SYNC_BATCH}</m:MaxChangesReturned><m:SyncScope>NormalItems</m:SyncScope></m:SyncFolderItems>`
  );
}

/** Id of a Create/Update (inside the item element) or a Delete (ItemId directly). */
function changeId(c: XmlNode): string | undefined {
  const direct = child(c, 'ItemId');
  if (direct) return direct.attrs.Id;
  for (const item of c.children) {
    const id = child(item, 'ItemId')?.attrs.Id;
    if (id) return id;
  }
  return undefined;
}

export async function syncFolderItems(s: EwsSession, mailbox: string, folder: string, state: string | undefined): Promise<SyncBatch> {
  const { messages, ctx } = await postNative(s, mailbox, folder, syncFolderItemsBody(mailbox, folder, state));
  const msg = messages[0];
  throwIfError(msg, ctx);
  const syncState = textOf(msg, 'SyncState');
  if (syncState === undefined)
    throw new CalpumpError('ews.response.malformed', { params: { url: s.url }, evidence: 'SyncFolderItems: missing=SyncState' });
  const created: string[] = [];
  const updated: string[] = [];
  const deleted: string[] = [];
  for (const c of child(msg, 'Changes')?.children ?? []) {
    const id = changeId(c);
    if (!id) continue;
    if (c.name === 'Create') created.push(id);
    else if (c.name === 'Update') updated.push(id);
    else if (c.name === 'Delete') deleted.push(id);
  }
  return { created, updated, deleted, syncState, more: (textOf(msg, 'IncludesLastItemInRange') ?? 'true').trim() === 'false' };
}
