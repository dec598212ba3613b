// Folders of one content (calendar, contacts or tasks) as a tree with checkboxes and item counts, read from one
// mailbox of the job. A well-known folder is saved by its distinguished id ("calendar", "contacts"), so it means
// each mailbox's own folder whatever its name (Kalender, Kontakte); any other folder is saved by its id, which
// belongs to the mailbox it was read from.
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo } from 'react';
import type { JobContent } from '../../../shared/item-model.js';
import type { Folder } from '../../../shared/model.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { ErrorPanel } from '../ErrorPanel.js';
import { FolderTree } from '../FolderTree.js';

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

const sameId = (a: string, b: string | undefined) => !!b && a.toLowerCase() === b.toLowerCase();
const isFolder = (v: string, f: Folder) => sameId(v, f.id) || sameId(v, f.distinguishedId);

export function FolderPicker({
  profileId,
  mailbox,
  content = 'calendar',
  value,
  onChange,
  testId = 'folder-picker',
}: {
  profileId: string | undefined;
  /** The mailbox whose tree is shown (the job's first). */
  mailbox: string | undefined;
  /** Which folders are offered: calendar, contacts or tasks folders. */
  content?: JobContent;
  value: string[];
  onChange: (ids: string[]) => void;
  testId?: string;
}) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const tree = useOperation((signal, pid: string, mb: string, kind: JobContent) =>
    client['folders.tree']({ profileId: pid, mailbox: mb, kinds: [kind === 'calendar' ? 'calendar' : kind] }, { signal }),
  );
  const { run, reset } = tree;
  useEffect(() => {
    if (profileId && mailbox) void run(profileId, mailbox, content);
    else reset();
  }, [profileId, mailbox, content, run, reset]);
  const folders = useMemo(() => (tree.result?.folders ?? []).filter((f) => f.kind === content), [tree.result, content]);
  const checked = folders.filter((f) => value.some((v) => isFolder(v, f))).map((f) => f.id);
  // Ids the tree does not show (another mailbox's folder, typed by hand earlier) are kept as they are.
  const foreign = value.filter((v) => !folders.some((f) => isFolder(v, f)));

  if (!mailbox) return <Text data-testid={`${testId}-pick-mailbox`}>{t('picker.folders.pickMailbox')}</Text>;
  return (
    <div className={s.root} data-testid={testId} data-content={content}>
      <Text size={200}>{t(`picker.folders.from.${content}`, { mailbox })}</Text>
      {tree.running ? <Spinner size="tiny" label={t('browse.loadingFolders')} /> : null}
      {tree.error ? <ErrorPanel error={tree.error} testId={`${testId}-error`} /> : null}
      {folders.length ? (
        <FolderTree
          className={s.tree}
          folders={folders}
          label={t(`picker.folders.label.${content}`)}
          choice={{
            mode: 'many',
            checked,
            onCheck: (f, on) => {
              const others = value.filter((v) => !isFolder(v, f));
              onChange(on ? [...others, jobFolderId(f)] : others);
            },
          }}
          testId={`${testId}-tree`}
          itemTestId={`${testId}-item`}
        />
      ) : null}
      {foreign.length ? <Text size={200}>{t('picker.folders.other', { ids: foreign.join(', ') })}</Text> : null}
    </div>
  );
}
