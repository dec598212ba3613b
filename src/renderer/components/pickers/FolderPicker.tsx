// Calendar folders as a tree with checkboxes and item counts, read from one mailbox of the job. A well-known
// folder is saved by its distinguished id ("calendar"), so it means each mailbox's own calendar whatever its
// name (Kalender, Agenda); any other folder is saved by its id, which belongs to the mailbox it was read from.
import { CounterBadge, Spinner, Text, Tree, TreeItem, TreeItemLayout, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo } from 'react';
import type { Folder } from '../../../shared/model.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { buildFolderTree, expandableIds, type FolderNode } from '../../models/folder-tree-model.js';
import { ErrorPanel } from '../ErrorPanel.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  tree: {
    maxHeight: '260px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
});

/** The id a job stores for a folder: its distinguished id when it has one. */
export const jobFolderId = (f: Folder): string => f.distinguishedId ?? f.id;

export function FolderPicker({
  profileId,
  mailbox,
  value,
  onChange,
  testId = 'folder-picker',
}: {
  profileId: string | undefined;
  /** The mailbox whose tree is shown (the job's first). */
  mailbox: string | undefined;
  value: string[];
  onChange: (ids: string[]) => void;
  testId?: string;
}) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const tree = useOperation((signal, pid: string, mb: string) => client['folders.tree']({ profileId: pid, mailbox: mb }, { signal }));
  const { run, reset } = tree;
  useEffect(() => {
    if (profileId && mailbox) void run(profileId, mailbox);
    else reset();
  }, [profileId, mailbox, run, reset]);
  const folders = useMemo(() => tree.result?.folders ?? [], [tree.result]);
  const roots = useMemo(() => buildFolderTree(folders), [folders]);
  const open = useMemo(() => expandableIds(roots), [roots]);
  const wanted = new Set(value.map((v) => v.toLowerCase()));
  const checked = folders.filter(
    (f) => wanted.has(f.id.toLowerCase()) || (f.distinguishedId && wanted.has(f.distinguishedId.toLowerCase())),
  );
  const byId = new Map(folders.map((f) => [f.id, f]));
  // Ids the tree does not show (another mailbox's folder, typed by hand earlier) are kept as they are.
  const foreign = value.filter(
    (v) => !folders.some((f) => f.id.toLowerCase() === v.toLowerCase() || f.distinguishedId?.toLowerCase() === v.toLowerCase()),
  );

  if (!mailbox) return <Text data-testid={`${testId}-pick-mailbox`}>{t('picker.folders.pickMailbox')}</Text>;
  return (
    <div className={s.root} data-testid={testId}>
      <Text size={200}>{t('picker.folders.from', { mailbox })}</Text>
      {tree.running ? <Spinner size="tiny" label={t('browse.loadingFolders')} /> : null}
      {tree.error ? <ErrorPanel error={tree.error} testId={`${testId}-error`} /> : null}
      {roots.length ? (
        <Tree
          className={s.tree}
          aria-label={t('picker.folders.label')}
          selectionMode="multiselect"
          defaultOpenItems={open}
          checkedItems={checked.map((f) => f.id)}
          onCheckedChange={(_, d) => {
            const f = byId.get(String(d.value));
            if (!f) return;
            const id = jobFolderId(f);
            const others = value.filter((v) => v.toLowerCase() !== id.toLowerCase() && v.toLowerCase() !== f.id.toLowerCase());
            onChange(d.checked === true ? [...others, id] : others);
          }}
          data-testid={`${testId}-tree`}
        >
          {roots.map((n) => (
            <FolderItem key={n.folder.id} node={n} testId={testId} />
          ))}
        </Tree>
      ) : null}
      {foreign.length ? <Text size={200}>{t('picker.folders.other', { ids: foreign.join(', ') })}</Text> : null}
    </div>
  );
}

function FolderItem({ node, testId }: { node: FolderNode; testId: string }) {
  const t = useT();
  const f = node.folder;
  const branch = node.children.length > 0;
  return (
    <TreeItem
      itemType={branch ? 'branch' : 'leaf'}
      value={f.id}
      data-testid={`${testId}-item`}
      data-folder-name={f.name}
      data-folder-id={f.id}
    >
      <TreeItemLayout
        aside={
          <CounterBadge
            count={f.totalCount}
            overflowCount={999999}
            showZero
            appearance="ghost"
            color="informative"
            aria-label={t('browse.itemCount', { count: f.totalCount })}
          />
        }
      >
        {f.name}
      </TreeItemLayout>
      {branch ? (
        <Tree>
          {node.children.map((c) => (
            <FolderItem key={c.folder.id} node={c} testId={testId} />
          ))}
        </Tree>
      ) : null}
    </TreeItem>
  );
}
