// Indented tree for folder hierarchies: "├─ Kalender (42)". Nodes whose parent is not in the list become roots,
// so a partial tree (one subtree only) still renders.
export interface TreeNode {
  id: string;
  parentId?: string;
  label: string;
}

export function renderTree(nodes: TreeNode[]): string {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | undefined, TreeNode[]>();
  for (const n of nodes) {
    const key = n.parentId && ids.has(n.parentId) && n.parentId !== n.id ? n.parentId : undefined;
    children.set(key, [...(children.get(key) ?? []), n]);
  }
  const lines: string[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, prefix: string, depth: number) => {
    const kids = children.get(parent) ?? [];
    kids.forEach((n, i) => {
      if (seen.has(n.id)) return;
      seen.add(n.id);
      const last = i === kids.length - 1;
      lines.push(depth === 0 ? n.label : `${prefix}${last ? '└─ ' : '├─ '}${n.label}`);
      walk(n.id, depth === 0 ? '' : `${prefix}${last ? '   ' : '│  '}`, depth + 1);
    });
  };
  walk(undefined, '', 0);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
