// Folder tree of a mailbox: FindFolder Deep from the calendar (readable with Reviewer rights alone) and from
// msgfolderroot (all other calendars); display names are whatever the mailbox's language says ("Kalender"),
// identity comes from ids and distinguished ids only.
import type { Folder, FolderKind } from '../../../shared/model.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { FolderInfo } from './operations/folder-info.js';
import { findFoldersDeep } from './operations/find-folders.js';
import { getFolder } from './operations/get-folder.js';
import type { EwsSession } from './session.js';

export function kindOf(folderClass: string | undefined): FolderKind {
  const c = (folderClass ?? '').toUpperCase();
  if (c.startsWith('IPF.APPOINTMENT')) return 'calendar';
  if (c.startsWith('IPF.CONTACT')) return 'contacts';
  if (c.startsWith('IPF.TASK')) return 'tasks';
  if (c === '' || c === 'IPF' || c.startsWith('IPF.NOTE')) return 'mail';
  return 'other';
}

/** Failures that only mean "you may not see the whole mailbox" (delegate with calendar rights only). */
function isPartialAccess(e: unknown): boolean {
  return e instanceof CalpumpError && ['ews.delegate.accessDenied', 'ews.folder.notFound'].includes(e.id);
}

export async function readFolderTree(s: EwsSession, mailbox: string, kinds: FolderKind[]): Promise<Folder[]> {
  const calendar = await getFolder(s, mailbox, 'calendar');
  const all = new Map<string, FolderInfo>([[calendar.id, calendar]]);
  for (const f of await findFoldersDeep(s, mailbox, 'calendar')) all.set(f.id, f);
  const distinguished = new Map<string, string>([[calendar.id, 'calendar']]);
  try {
    await getFolder(s, mailbox, 'msgfolderroot');
    for (const f of await findFoldersDeep(s, mailbox, 'msgfolderroot')) if (!all.has(f.id)) all.set(f.id, f);
  } catch (e) {
    if (!(s.access === 'delegate' && isPartialAccess(e))) throw e;
    s.logger.debug('ews.folderTree.partial', { mailbox, reason: (e as CalpumpError).id });
  }
  for (const name of ['contacts', 'tasks'] as const) {
    if (!kinds.includes(name)) continue;
    try {
      const f = await getFolder(s, mailbox, name);
      if (!all.has(f.id)) all.set(f.id, f);
      distinguished.set(f.id, name);
    } catch (e) {
      if (!isPartialAccess(e)) throw e;
    }
  }
  const pathOf = (f: FolderInfo): string => {
    const names = [f.name];
    const guard = new Set([f.id]);
    for (let p = f.parentId ? all.get(f.parentId) : undefined; p && !guard.has(p.id); p = p.parentId ? all.get(p.parentId) : undefined) {
      guard.add(p.id);
      names.unshift(p.name);
    }
    return names.join('/');
  };
  const folders: Folder[] = [...all.values()].map((f) => ({
    id: f.id,
    parentId: f.parentId,
    name: f.name,
    path: pathOf(f),
    kind: distinguished.get(f.id) === 'calendar' ? 'calendar' : kindOf(f.folderClass),
    distinguishedId: distinguished.get(f.id),
    totalCount: f.totalCount,
    childCount: f.childCount,
  }));
  return folders
    .filter((f) => kinds.includes(f.kind))
    .sort((a, b) => (a.id === calendar.id ? -1 : b.id === calendar.id ? 1 : a.path.localeCompare(b.path)));
}
