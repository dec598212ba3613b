import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../src/shared/model.js';
import { buildFolderTree, expandableIds } from '../../../src/renderer/models/folder-tree-model.js';

const f = (id: string, name: string, parentId: string | undefined, totalCount: number, extra: Partial<Folder> = {}): Folder => ({
  id,
  name,
  parentId,
  path: name,
  kind: 'calendar',
  totalCount,
  childCount: 0,
  ...extra,
});

describe('buildFolderTree', () => {
  it('nests by parent id, sorts by name, puts the calendar first and sums counts', () => {
    const roots = buildFolderTree([
      f('p2', 'Projekte', 'cal', 5),
      f('other', 'Ferien', 'root-not-read', 2),
      f('cal', 'Kalender', 'msgroot', 10, { distinguishedId: 'calendar' }),
      f('p1', 'Abteilung', 'cal', 3),
      f('p1a', 'Team', 'p1', 1),
    ]);
    expect(roots.map((n) => n.folder.name)).toEqual(['Kalender', 'Ferien']);
    expect(roots[0].children.map((n) => n.folder.name)).toEqual(['Abteilung', 'Projekte']);
    expect(roots[0].subtreeCount).toBe(19);
    expect(roots[0].children[0].subtreeCount).toBe(4);
    expect(expandableIds(roots)).toEqual(['cal', 'p1']);
  });

  it('survives a parent cycle in bad data', () => {
    const roots = buildFolderTree([f('a', 'A', 'b', 1), f('b', 'B', 'a', 1), f('c', 'C', undefined, 1)]);
    expect(roots.map((n) => n.folder.id)).toEqual(['c']);
  });
});
