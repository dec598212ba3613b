// Which mailboxes and folders a run covers. Lists are used as given; searches and "all rooms" page through the
// directory once per run. Subfolders come from the folder tree (one request per mailbox, only when asked for).
import type { Connector } from '../connectors/connector.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { contentOf, type Job, type MailboxSelection } from '../../shared/job.js';
import { requireMailboxes } from './job-output.js';
import type { Folder, FolderKind, Mailbox } from '../../shared/model.js';

async function allPages(connector: Connector, search?: string): Promise<Mailbox[]> {
  const out: Mailbox[] = [];
  let cursor: string | undefined;
  do {
    const page = await connector.listMailboxes(search, cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** A group's or room list's members, asked of the directory on every run (so membership changes count at once). */
async function members(connector: Connector, sel: { mode: 'group'; group: string } | { mode: 'roomList'; roomList: string }) {
  const read = sel.mode === 'group' ? connector.groupMembers?.bind(connector) : connector.roomListMembers?.bind(connector);
  if (!read)
    throw new CalpumpError('input.invalid', {
      params: {
        field: 'mailboxes',
        problem: text(sel.mode === 'group' ? 'problem.job.noGroups' : 'problem.job.noRoomLists', { connector: connector.kind }),
      },
    });
  return read(sel.mode === 'group' ? sel.group : sel.roomList);
}

function describeSelection(sel: MailboxSelection): string {
  switch (sel.mode) {
    case 'list':
      return 'list';
    case 'search':
      return `search "${sel.search}"`;
    case 'allRooms':
      return 'all rooms';
    case 'group':
      return `group ${sel.group}`;
    case 'roomList':
      return `room list ${sel.roomList}`;
  }
}

export async function planMailboxes(job: Job, connector: Connector): Promise<string[]> {
  const sel = requireMailboxes(job);
  let list: string[];
  if (sel.mode === 'list') list = sel.list;
  else if (sel.mode === 'search') list = (await allPages(connector, sel.search)).map((m) => m.smtp);
  else if (sel.mode === 'allRooms') list = (await allPages(connector)).filter((m) => m.kind === 'room').map((m) => m.smtp);
  else list = (await members(connector, sel)).map((m) => m.smtp);
  const unique = [...new Set(list.map((m) => m.trim().toLowerCase()).filter(Boolean))];
  if (unique.length === 0) throw new CalpumpError('pump.noMailboxes', { params: { job: job.name, selection: describeSelection(sel) } });
  return unique;
}

function descendants(tree: Folder[], rootId: string, kind: FolderKind): string[] {
  const children = new Map<string, Folder[]>();
  for (const f of tree) if (f.parentId) children.set(f.parentId, [...(children.get(f.parentId) ?? []), f]);
  const out: string[] = [];
  const walk = (id: string) => {
    for (const c of children.get(id) ?? []) {
      if (c.kind !== kind) continue;
      out.push(c.id);
      walk(c.id);
    }
  };
  walk(rootId);
  return out;
}

export async function planFolders(job: Job, connector: Connector, mailbox: string): Promise<string[]> {
  const ids = job.folders.ids;
  if (!job.folders.includeSubfolders) return ids;
  const kind: FolderKind = contentOf(job);
  const tree = await connector.folderTree(mailbox, [kind]);
  const out: string[] = [];
  for (const id of ids) {
    out.push(id);
    const node = tree.find((f) => f.id === id || f.distinguishedId === id);
    if (node) out.push(...descendants(tree, node.id, kind));
  }
  return [...new Set(out)];
}
