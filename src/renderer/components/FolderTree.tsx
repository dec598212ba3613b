// A mailbox's folders as a tree with item counts — one component for Browse (choose one folder) and the job
// pickers (tick several). Names are the mailbox's own (Kalender, Agenda); jobs address folders by id, never by
// these names. The open state is ours: a click on a folder opens or closes it (Fluent does the keys).
import { CounterBadge, Tree, TreeItem, TreeItemLayout, makeStyles, tokens, type TreeItemValue } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Folder } from '../../shared/model.js';
import { useT } from '../app/i18n-context.js';
import { buildFolderTree, expandableIds, type FolderNode } from '../models/folder-tree-model.js';

const useStyles = makeStyles({
  selected: { backgroundColor: tokens.colorBrandBackground2, borderRadius: tokens.borderRadiusMedium },
});

/** Browse chooses one folder; a picker ticks several (`checked` are folder ids as the tree shows them). */
export type FolderTreeChoice =
  | { mode: 'one'; selected?: string; onSelect: (f: Folder) => void }
  | { mode: 'many'; checked: string[]; onCheck: (f: Folder, checked: boolean) => void };

export function FolderTree({
  folders,
  label,
  choice,
  className,
  testId,
  itemTestId,
}: {
  folders: Folder[];
  /** The tree's accessible name. */
  label: string;
  choice: FolderTreeChoice;
  className?: string;
  testId: string;
  itemTestId: string;
}) {
  const roots = useMemo(() => buildFolderTree(folders), [folders]);
  const initial = useMemo(() => expandableIds(roots), [roots]);
  const [open, setOpen] = useState<Set<TreeItemValue>>(() => new Set(initial));
  useEffect(() => setOpen(new Set(initial)), [initial]);
  const byId = useMemo(() => new Map(folders.map((f) => [f.id, f])), [folders]);
  const many = choice.mode === 'many' ? choice : undefined;
  return (
    <Tree
      className={className}
      aria-label={label}
      openItems={open}
      onOpenChange={(_, d) => setOpen(new Set(d.openItems))}
      {...(many
        ? {
            selectionMode: 'multiselect' as const,
            checkedItems: many.checked,
            onCheckedChange: (_: unknown, d: { value: TreeItemValue; checked: boolean | 'mixed' }) => {
              const f = byId.get(String(d.value));
              if (f) many.onCheck(f, d.checked === true);
            },
          }
        : {})}
      data-testid={testId}
    >
      {roots.map((n) => (
        <FolderItem key={n.folder.id} node={n} choice={choice} itemTestId={itemTestId} />
      ))}
    </Tree>
  );
}

function FolderItem({ node, choice, itemTestId }: { node: FolderNode; choice: FolderTreeChoice; itemTestId: string }) {
  const t = useT();
  const s = useStyles();
  const f = node.folder;
  const branch = node.children.length > 0;
  const selected = choice.mode === 'one' && choice.selected === f.id;
  return (
    <TreeItem
      itemType={branch ? 'branch' : 'leaf'}
      value={f.id}
      data-testid={itemTestId}
      data-folder-id={f.id}
      data-folder-name={f.name}
      data-folder-kind={f.kind}
      aria-current={selected ? 'true' : undefined}
      onClick={(e) => {
        // Only the folder clicked is chosen, not the folders it sits in.
        if (choice.mode === 'one' && (e.target as Element).closest('[role=treeitem]') === e.currentTarget) choice.onSelect(f);
      }}
    >
      <TreeItemLayout
        className={selected ? s.selected : undefined}
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
            <FolderItem key={c.folder.id} node={c} choice={choice} itemTestId={itemTestId} />
          ))}
        </Tree>
      ) : null}
    </TreeItem>
  );
}
