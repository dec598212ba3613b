// Calendar folders of one mailbox with item counts. Names are the mailbox's own (Kalender, Agenda); jobs
// address folders by id, never by these names.
import { CounterBadge, Tree, TreeItem, TreeItemLayout, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Folder } from '../../../shared/model.js';
import { useT } from '../../app/i18n-context.js';
import { buildFolderTree, expandableIds, type FolderNode } from '../../models/folder-tree-model.js';

const useStyles = makeStyles({
  selected: { backgroundColor: tokens.colorBrandBackground2, borderRadius: tokens.borderRadiusMedium },
});

export function FolderTree({ folders, selected, onSelect }: { folders: Folder[]; selected?: string; onSelect: (f: Folder) => void }) {
  const t = useT();
  const roots = useMemo(() => buildFolderTree(folders), [folders]);
  const open = useMemo(() => expandableIds(roots), [roots]);
  return (
    <Tree aria-label={t('browse.folders')} defaultOpenItems={open} data-testid="browse-folders">
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
      onClick={(e) => {
        e.stopPropagation();
        onSelect(f);
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
