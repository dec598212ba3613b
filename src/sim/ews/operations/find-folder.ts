import type { SimFolder } from '../../world/types.js';
import { childFolders } from '../../world/world.js';
import { attr, child } from '../../xml/safe-parse.js';
import type { EwsCall } from '../call.js';
import { folderLevel, levelAtLeast } from '../call.js';
import { folderRefs, openFolderRef } from '../folder-ref.js';
import { folderXml } from '../folder-xml.js';
import { perItem, wrapped } from '../responses.js';
import { parseShape } from '../shape.js';
import { NS, successMessage } from '../soap.js';
import { evaluate, restrictionOf } from '../restriction.js';

function descendants(call: EwsCall, parent: SimFolder, deep: boolean): SimFolder[] {
  const out: SimFolder[] = [];
  for (const c of childFolders(call.world, parent.id)) {
    // A delegate sees only the folders shared with it.
    if (levelAtLeast(folderLevel(call, c), 'Reviewer')) out.push(c);
    if (deep) out.push(...descendants(call, c, deep));
  }
  return out;
}

function folderValue(call: EwsCall, f: SimFolder) {
  return (uri: string): string | undefined => {
    switch (uri) {
      case 'folder:DisplayName':
        return f.displayName;
      case 'folder:FolderClass':
        return f.folderClass || undefined;
      case 'folder:TotalCount':
        return String(call.world.folderItems.get(f.id)?.size ?? 0);
      case 'folder:ChildFolderCount':
        return String(childFolders(call.world, f.id).length);
      case 'tag:0x10f4:Boolean':
        return f.hidden ? 'true' : 'false';
      default:
        return undefined;
    }
  };
}

export async function findFolder(call: EwsCall): Promise<string> {
  const traversal = attr(call.op, 'Traversal') ?? 'Shallow';
  const shape = parseShape(child(call.op, 'FolderShape', NS.m));
  const paging = child(call.op, 'IndexedPageFolderView', NS.m);
  const refs = folderRefs(child(call.op, 'ParentFolderIds', NS.m));
  const messages = perItem(
    refs,
    (ref) => {
      const parent = openFolderRef(call, ref, 'read');
      const restriction = restrictionOf(call.op);
      const all = descendants(call, parent, traversal === 'Deep').filter(
        (f) => !restriction || evaluate(restriction, folderValue(call, f)),
      );
      let list = all;
      let pagingAttr = '';
      let includesLast = true;
      if (paging) {
        const max = Number(attr(paging, 'MaxEntriesReturned') ?? all.length);
        const offset = Number(attr(paging, 'Offset') ?? 0);
        const fromEnd = attr(paging, 'BasePoint') === 'End';
        const start = fromEnd ? Math.max(0, all.length - offset - max) : offset;
        list = all.slice(start, start + max);
        includesLast = start + list.length >= all.length;
        pagingAttr = ` IndexedPagingOffset="${start + list.length}"`;
      }
      return successMessage(
        'FindFolderResponseMessage',
        `<m:RootFolder${pagingAttr} TotalItemsInView="${all.length}" IncludesLastItemInRange="${includesLast}"><t:Folders>${list
          .map((f) => folderXml(call, f, shape))
          .join('')}</t:Folders></m:RootFolder>`,
      );
    },
    'FindFolderResponseMessage',
  );
  return wrapped('FindFolder', messages);
}
