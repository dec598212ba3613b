// Contacts and Microsoft To Do tasks through Graph (issue 16 item 2). Where they live: the default Contacts folder
// is /users/{id}/contacts (its delta is addressed by the well-known name, contactFolders/contacts), another
// contact folder is /contactFolders/{id}/contacts; tasks live in To Do lists (the Outlook tasks API is gone), and
// the folder id "tasks" stands for the mailbox's default list (wellknownListName defaultList), looked up once per
// connector. A full read pages through @odata.nextLink with $select of the fields the formats write; a link that
// repeats the page just read ends the read with an error instead of looping.
import { text } from '../../../../shared/i18n/engine-texts.js';
import type { NormalisedItem } from '../../../../shared/item-model.js';
import type { ReadItemsOptions } from '../../connector.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { graphRead, PREFER_UTC, seg, type GraphContext } from '../graph-context.js';
import { CONTACT_SELECT, contactOfGraph, TASK_SELECT, taskOfGraph, type GraphContact, type GraphTodoTask } from '../map-item.js';

export type PimContent = 'contacts' | 'tasks';

/** Items per page asked for ($top); Graph may send fewer. */
export const ITEM_PAGE_SIZE: Record<PimContent, number> = { contacts: 500, tasks: 100 };
const HEADERS = { Prefer: `${PREFER_UTC}, outlook.body-content-type="text"` };

export interface TodoList {
  id: string;
  displayName?: string;
  wellknownListName?: string;
  isOwner?: boolean;
  isShared?: boolean;
}

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** Every page of a collection, following @odata.nextLink; a repeated link is an error, never an endless read. */
export async function* pages<T>(ctx: GraphContext, first: string, operation: string, headers: Record<string, string> = {}) {
  const seen = new Set<string>();
  for (let url: string | undefined = first; url;) {
    seen.add(url);
    const page: Page<T> = await graphRead<Page<T>>(ctx, url, headers);
    yield page.value ?? [];
    url = page['@odata.nextLink'];
    if (url && seen.has(url))
      throw new CalpumpError('graph.response.invalid', {
        params: { operation, problem: text('problem.graph.linkRepeats'), graphHost: ctx.profile.graphHost },
        evidence: url.slice(0, 300),
      });
  }
}

/** The mailbox's To Do lists (few; paged all the same). */
export async function todoLists(ctx: GraphContext, mailbox: string): Promise<TodoList[]> {
  const out: TodoList[] = [];
  for await (const lists of pages<TodoList>(ctx, `/users/${seg(mailbox)}/todo/lists`, 'todoLists')) out.push(...lists);
  return out;
}

/** The To Do list a folder id names: "tasks" is the default list (looked up once per connector and mailbox). */
export async function todoListId(ctx: GraphContext, mailbox: string, folderId: string): Promise<string> {
  if (folderId.toLowerCase() !== 'tasks') return folderId;
  const cache = (ctx.todoDefault ??= new Map<string, Promise<string>>());
  const key = mailbox.toLowerCase();
  let id = cache.get(key);
  if (!id) {
    id = todoLists(ctx, mailbox).then((lists) => {
      const found = lists.find((l) => l.wellknownListName === 'defaultList');
      if (!found)
        throw new CalpumpError('graph.folder.notFound', {
          params: { profile: ctx.profile.name, mailbox, folder: folderId, graphHost: ctx.profile.graphHost },
          evidence: `todo/lists=${lists.length} wellknownListName.defaultList=0`,
        });
      return found.id;
    });
    cache.set(key, id);
    id.catch(() => cache.delete(key));
  }
  return id;
}

/** The collection a folder's items are read from (no query). */
export async function itemsPath(ctx: GraphContext, mailbox: string, folderId: string, content: PimContent): Promise<string> {
  const m = `/users/${seg(mailbox)}`;
  if (content === 'tasks') return `${m}/todo/lists/${seg(await todoListId(ctx, mailbox, folderId))}/tasks`;
  return folderId.toLowerCase() === 'contacts' ? `${m}/contacts` : `${m}/contactFolders/${seg(folderId)}/contacts`;
}

/** The delta function of a folder's items: the default Contacts folder by its well-known name. */
export async function itemsDeltaPath(ctx: GraphContext, mailbox: string, folderId: string, content: PimContent): Promise<string> {
  if (content === 'tasks') return `${await itemsPath(ctx, mailbox, folderId, content)}/delta`;
  return `/users/${seg(mailbox)}/contactFolders/${seg(folderId.toLowerCase() === 'contacts' ? 'contacts' : folderId)}/contacts/delta`;
}

export async function* readItems(
  ctx: GraphContext,
  mailbox: string,
  folderId: string,
  content: PimContent,
  opts: ReadItemsOptions = {},
): AsyncIterable<NormalisedItem> {
  const includeBody = !!opts.includeBody;
  const select = [
    ...(content === 'contacts' ? CONTACT_SELECT : TASK_SELECT),
    ...(includeBody ? [content === 'contacts' ? 'personalNotes' : 'body'] : []),
  ];
  const query = new URLSearchParams({ $top: String(ITEM_PAGE_SIZE[content]), $select: select.join(',') });
  const first = `${await itemsPath(ctx, mailbox, folderId, content)}?${query.toString()}`;
  for await (const items of pages<GraphContact & GraphTodoTask>(ctx, first, content, HEADERS)) {
    opts.signal?.throwIfAborted();
    for (const i of items) yield content === 'contacts' ? contactOfGraph(i, includeBody) : taskOfGraph(i, includeBody);
  }
}
