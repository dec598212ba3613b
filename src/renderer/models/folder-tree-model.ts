// Flat folder list (as connectors return it) → nested tree for display. Folders whose parent is not in the
// list become roots (the calendar root is read on its own, without msgfolderroot above it). Children are
// sorted by name so German "Kalender/Projekte" and English "Calendar/Projects" look alike.
import type { Folder } from '../../shared/model.js';

export interface FolderNode {
  folder: Folder;
  children: FolderNode[];
  /** Items in this folder and all below it. */
  subtreeCount: number;
}

export function buildFolderTree(folders: readonly Folder[]): FolderNode[] {
  const nodes = new Map<string, FolderNode>();
  for (const f of folders) nodes.set(f.id, { folder: f, children: [], subtreeCount: f.totalCount });
  const roots: FolderNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.folder.parentId !== undefined ? nodes.get(n.folder.parentId) : undefined;
    if (parent && parent !== n) parent.children.push(n);
    else roots.push(n);
  }
  const byName = (a: FolderNode, b: FolderNode) => a.folder.name.localeCompare(b.folder.name);
  const finish = (list: FolderNode[], seen: Set<string>): number => {
    list.sort(byName);
    let total = 0;
    for (const n of list) {
      // A parent cycle in bad data must not hang the UI.
      if (seen.has(n.folder.id)) continue;
      seen.add(n.folder.id);
      n.subtreeCount = n.folder.totalCount + finish(n.children, seen);
      total += n.subtreeCount;
    }
    return total;
  };
  finish(roots, new Set());
  // Distinguished calendar first: it is what most jobs export.
  roots.sort((a, b) => rank(a) - rank(b) || byName(a, b));
  return roots;
}

function rank(n: FolderNode): number {
  return n.folder.distinguishedId === 'calendar' ? 0 : n.folder.kind === 'calendar' ? 1 : 2;
}

/** Ids of every node that has children: the tree opens fully when it is small. */
export function expandableIds(roots: readonly FolderNode[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly FolderNode[]) => {
    for (const n of list) {
      if (n.children.length) {
        out.push(n.folder.id);
        walk(n.children);
      }
    }
  };
  walk(roots);
  return out;
}
