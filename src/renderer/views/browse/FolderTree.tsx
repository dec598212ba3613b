// Calendar folders of one mailbox with item counts. Names are the mailbox's own (Kalender, Agenda); jobs
// address folders by id, never by these names.
import { CounterBadge, Tree, TreeItem, TreeItemLayout, makeStyles, tokens, type TreeItemValue } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Folder } from '../../../shared/model.js';
import { useT } from '../../app/i18n-context.js';
import { buildFolderTree, expandableIds, type FolderNode } from '../../models/folder-tree-model.js';

const useStyles = makeStyles({
  selected: { backgroundColor: tokens.colorBrandBackground2, borderRadius: tokens.borderRadiusMedium },
});

export function FolderTree({ folders, selected, onSelect }: { folders: Folder[]; selected?: string; onSelect: (f: Folder) => void }) {
  const t = useT();
  const roots = useMemo(() => buildFolderTree(folders), [folders]);
  const initial = useMemo(() => expandableIds(roots), [roots]);
  // Open state is ours: a click on a folder both selects it and opens or closes it (Fluent does the keys).
  const [open, setOpen] = useState<Set<TreeItemValue>>(() => new Set(initial));
  useEffect(() => setOpen(new Set(initial)), [initial]);
  return (
    <Tree
      aria-label={t('browse.folders')}
      openItems={open}
      onOpenChange={(_, d) => setOpen(new Set(d.openItems))}
      data-testid="browse-folders"
    >
      {roots.map((n) => (
        <FolderItem key={n.folder.id} node={n} selected={selected} onSelect={onSelect} />
      ))}
    </Tree>
  );
}

function FolderItem({ node, selected, onSelect }: { node: FolderNode; selected?: string; onSelect: (f: Folder) => void }) {
  const t = useT();
  const s = useStyles();
  const f = node.folder;
  const branch = node.children.length > 0;
  return (
    <TreeItem
      itemType={branch ? 'branch' : 'leaf'}
      value={f.id}
      data-testid="folder-item"
      data-folder-id={f.id}
      data-folder-name={f.name}
      aria-current={selected === f.id ? 'true' : undefined}
      onClick={(e) => {
        // Only the folder clicked is chosen, not the folders it sits in.
        if ((e.target as Element).closest('[role=treeitem]') === e.currentTarget) onSelect(f);
      }}
    >
      <TreeItemLayout
        className={selected === f.id ? s.selected : undefined}
        aside={
          <CounterBadge
            count={f.totalCount}
            overflowCount={999999}
            showZero
            appearance="ghost"
            color="informative"
            aria-label={t('browse.itemCount', { count: f.totalCount })}
            data-testid="folder-count"
          />
        }
      >
        {f.name}
      </TreeItemLayout>
      {branch ? (
        <Tree>
          {node.children.map((c) => (
            <FolderItem key={c.folder.id} node={c} selected={selected} onSelect={onSelect} />
          ))}
        </Tree>
      ) : null}
    </TreeItem>
  );
}
