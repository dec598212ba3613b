// FolderId / DistinguishedFolderId (with optional Mailbox) → world folder, with Exchange's error codes.
import type { SimFolder } from '../world/types.js';
import { decodeId } from '../world/ids.js';
import { attr, child, childText, elementChildren } from '../xml/safe-parse.js';
import type { EwsCall } from './call.js';
import { actingMailbox, openFolder, requireMailbox } from './call.js';
import { EwsResponseError, NS } from './soap.js';

/** Every DistinguishedFolderId value the schema allows; the ones we do not model answer ErrorFolderNotFound. */
const KNOWN_DISTINGUISHED = new Set([
  'calendar',
  'contacts',
  'deleteditems',
  'drafts',
  'inbox',
  'journal',
  'notes',
  'outbox',
  'sentitems',
  'tasks',
  'msgfolderroot',
  'publicfoldersroot',
  'root',
  'junkemail',
  'searchfolders',
  'voicemail',
  'recoverableitemsroot',
  'recoverableitemsdeletions',
  'recoverableitemsversions',
  'recoverableitemspurges',
  'archiveroot',
  'archivemsgfolderroot',
  'archivedeleteditems',
  'archiveinbox',
  'archiverecoverableitemsroot',
  'syncissues',
  'conflicts',
  'localfailures',
  'serverfailures',
  'recipientcache',
  'quickcontacts',
  'conversationhistory',
  'adminauditlogs',
  'todosearch',
  'mycontacts',
  'directory',
  'imcontactlist',
  'peopleconnect',
  'favorites',
]);

export function isFolderRef(el: Element): boolean {
  return el.namespaceURI === NS.t && (el.localName === 'FolderId' || el.localName === 'DistinguishedFolderId');
}

export function folderRefs(container: Element | undefined): Element[] {
  return elementChildren(container).filter(isFolderRef);
}

export function resolveFolderRef(call: EwsCall, ref: Element): SimFolder {
  const world = call.world;
  if (ref.localName === 'FolderId') {
    const id = attr(ref, 'Id') ?? '';
    const decoded = decodeId(id);
    if (!decoded || decoded.kind !== 'folder') throw new EwsResponseError('ErrorInvalidIdMalformed', 'Id is malformed.');
    const f = world.folders.get(id);
    if (!f)
      throw new EwsResponseError(
        'ErrorItemNotFound',
        'The specified object was not found in the store., The process failed to get the correct properties.',
      );
    return f;
  }
  const name = attr(ref, 'Id') ?? '';
  if (!KNOWN_DISTINGUISHED.has(name)) throw new EwsResponseError('ErrorInvalidRequest', 'The request is invalid.');
  const mailboxEl = child(ref, 'Mailbox', NS.t);
  const smtp = mailboxEl ? childText(mailboxEl, 'EmailAddress', NS.t) : undefined;
  const mb = smtp !== undefined ? requireMailbox(world, smtp) : actingMailbox(call);
  const id = mb.distinguished[name];
  const f = id ? world.folders.get(id) : undefined;
  if (!f) throw new EwsResponseError('ErrorFolderNotFound', 'The specified folder could not be found in the store.');
  return f;
}

/** The folder a reference names, counted and checked for the access the operation needs. */
export function openFolderRef(call: EwsCall, ref: Element, need: 'read' | 'write'): SimFolder {
  return openFolder(call, resolveFolderRef(call, ref), need);
}
