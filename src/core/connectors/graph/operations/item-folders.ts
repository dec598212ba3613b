// Contact folders and Microsoft To Do lists in the folder tree: the default Contacts folder (by its well-known
// name) with the folders below it, and every To Do list (the default one is "tasks"). One $batch asks for all of
// them. A kind the app has no permission for (403) is left out, so a calendar-only app still gets its calendars.
import type { Folder, FolderKind } from '../../../../shared/model.js';
import { isCalpumpError } from '../../../errors/calpump-error.js';
import { graphBatch, seg, type GraphContext } from '../graph-context.js';
import type { TodoList } from './items.js';

interface ContactFolder {
  id: string;
  displayName?: string;
  parentFolderId?: string;
}

const denied = (e: Error | undefined) => isCalpumpError(e) && /^graph\.(permission\.missing|mailbox\.accessDenied)$/.test(e.id);

export async function itemFolderTree(ctx: GraphContext, mailbox: string, kinds: FolderKind[]): Promise<Folder[]> {
  const m = `/users/${seg(mailbox)}`;
  const members = [
    ...(kinds.includes('contacts')
      ? [
          { id: 'root', method: 'GET' as const, url: `${m}/contactFolders/contacts?$select=id,displayName` },
          { id: 'children', method: 'GET' as const, url: `${m}/contactFolders?$select=id,displayName,parentFolderId&$top=250` },
          { id: 'count', method: 'GET' as const, url: `${m}/contacts?$count=true&$top=1&$select=id` },
        ]
      : []),
    ...(kinds.includes('tasks') ? [{ id: 'lists', method: 'GET' as const, url: `${m}/todo/lists?$top=250` }] : []),
  ];
  if (!members.length) return [];
  const answers = new Map((await graphBatch(ctx, members, 'folders', mailbox)).map((a) => [a.id, a]));
  const body = <T>(id: string): T | undefined => {
    const a = answers.get(id);
    if (a?.error && !denied(a.error)) throw a.error;
    return a?.error ? undefined : (a?.body as T);
  };
  const out: Folder[] = [];
  const root = body<ContactFolder>('root');
  if (root) {
    const children = body<{ value?: ContactFolder[] }>('children')?.value ?? [];
    const count = body<{ '@odata.count'?: number }>('count')?.['@odata.count'] ?? 0;
    const name = root.displayName ?? '';
    out.push({
      id: root.id,
      name,
      path: name,
      kind: 'contacts',
      distinguishedId: 'contacts',
      totalCount: count,
      childCount: children.length,
    });
    for (const c of children) {
      const n = c.displayName ?? '';
      out.push({ id: c.id, parentId: root.id, name: n, path: `${name}/${n}`, kind: 'contacts', totalCount: 0, childCount: 0 });
    }
  }
  for (const l of body<{ value?: TodoList[] }>('lists')?.value ?? []) {
    // Flagged e-mail is a view over the mailbox's messages, not tasks of its own.
    if (l.wellknownListName === 'flaggedEmails') continue;
    const f: Folder = { id: l.id, name: l.displayName ?? '', path: l.displayName ?? '', kind: 'tasks', totalCount: 0, childCount: 0 };
    if (l.wellknownListName === 'defaultList') f.distinguishedId = 'tasks';
    out.push(f);
  }
  return out;
}
