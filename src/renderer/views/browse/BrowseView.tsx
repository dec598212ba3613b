// Browse: mailboxes (all pages, searched locally) → the chosen mailbox's folder tree → upcoming events of the
// chosen folder. Every read can be cancelled and every failure says what to do.
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Folder, Mailbox } from '../../../shared/model.js';
import { useClient } from '../../app/client-context.js';
import { VIEW_HEIGHT } from '../../app/layout.js';
import { useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { useProfiles } from '../../app/use-profiles.js';
import type { ViewProps } from '../../app/view-props.js';
import { BusyBar } from '../../components/BusyBar.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { FolderTree } from '../../components/FolderTree.js';
import { ProfilePicker } from '../../components/ProfilePicker.js';
import { EventPreview } from './EventPreview.js';
import { ItemPreview } from './ItemPreview.js';
import { MailboxList } from './MailboxList.js';
import { useMailboxLoader } from './use-mailbox-loader.js';

const useStyles = makeStyles({
  // Three columns on a wide screen; on a narrow one (1024 px) mailboxes and folders side by side, the preview below.
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    height: `calc(${VIEW_HEIGHT} - 48px)`,
    minHeight: '420px',
    '@media (max-width: 1279px)': { height: 'auto' },
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(260px, 1fr) minmax(200px, 0.8fr) minmax(300px, 1.4fr)',
    gap: tokens.spacingHorizontalL,
    flexGrow: 1,
    minHeight: 0,
    '@media (max-width: 1279px)': {
      gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
      gridTemplateRows: '420px auto',
    },
  },
  previewPanel: { '@media (max-width: 1279px)': { gridColumn: '1 / 3', overflow: 'visible' } },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  mailboxPanel: { overflow: 'hidden' },
});

export function BrowseView({ profileId, onProfile, onNavigate }: ViewProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const { profiles, loading: profilesLoading } = useProfiles();
  const known = profiles.some((p) => p.profile.id === profileId);
  const loader = useMailboxLoader(known ? profileId : undefined);
  const [mailbox, setMailbox] = useState<Mailbox | undefined>();
  const [folder, setFolder] = useState<Folder | undefined>();

  const folders = useOperation((signal, pid: string, mb: string) =>
    client['folders.tree']({ profileId: pid, mailbox: mb, kinds: ['calendar', 'contacts', 'tasks'] }, { signal }),
  );
  const preview = useOperation((signal, pid: string, mb: string, fid: string) =>
    client['items.preview']({ profileId: pid, mailbox: mb, folderId: fid, days: 30, limit: 50 }, { signal }),
  );
  const { reset: resetFolders } = folders;
  const { reset: resetEvents } = preview;
  // Contacts and tasks have no window: the first of them, as an export reads them.
  const items = useOperation((signal, pid: string, mb: string, fid: string, content: 'contacts' | 'tasks') =>
    client['items.read']({ profileId: pid, mailbox: mb, folderId: fid, content, limit: 100 }, { signal }),
  );
  const { reset: resetItems } = items;
  const resetPreview = useCallback(() => {
    resetEvents();
    resetItems();
  }, [resetEvents, resetItems]);

  useEffect(() => {
    setMailbox(undefined);
    setFolder(undefined);
    resetFolders();
    resetPreview();
  }, [profileId, resetFolders, resetPreview]);

  if (!profilesLoading && profiles.length === 0) {
    return (
      <EmptyState
        testId="browse-no-profiles"
        title={t('browse.noProfiles.title')}
        hint={t('browse.noProfiles.hint')}
        action={
          <Button appearance="primary" onClick={() => onNavigate('profiles')}>
            {t('browse.noProfiles.action')}
          </Button>
        }
      />
    );
  }

  const pickMailbox = (m: Mailbox) => {
    if (!profileId) return;
    setMailbox(m);
    setFolder(undefined);
    resetPreview();
    void folders.run(profileId, m.smtp);
  };
  const pickFolder = (f: Folder) => {
    if (!profileId || !mailbox) return;
    setFolder(f);
    resetPreview();
    if (f.kind === 'contacts' || f.kind === 'tasks') void items.run(profileId, mailbox.smtp, f.id, f.kind);
    else void preview.run(profileId, mailbox.smtp, f.id);
  };
  const itemKind = folder?.kind === 'contacts' ? 'contact' : folder?.kind === 'tasks' ? 'task' : undefined;
  const contentsTitle = !folder
    ? t('browse.preview')
    : itemKind
      ? t(itemKind === 'contact' ? 'browse.items.contactsOf' : 'browse.items.tasksOf', { folder: folder.name })
      : t('browse.previewOf', { folder: folder.name });

  return (
    <div className={s.root}>
      <ProfilePicker profiles={profiles} value={profileId} onChange={onProfile} testId="browse-profile" />
      {loader.loading ? (
        <BusyBar label={t('browse.loading', { count: loader.loaded })} onCancel={loader.cancel} testId="browse-loading" />
      ) : null}
      {loader.cancelled ? (
        <Text>
          {t('browse.loadCancelled', { count: loader.loaded })}{' '}
          <Button size="small" appearance="transparent" onClick={loader.reload}>
            {t('common.retry')}
          </Button>
        </Text>
      ) : null}
      {loader.error ? <ErrorPanel error={loader.error} testId="browse-error" /> : null}
      <div className={s.columns}>
        <section className={mergeClasses(s.panel, s.mailboxPanel)} aria-label={t('browse.mailboxes')} data-card>
          <MailboxList model={loader.model} version={loader.version} selected={mailbox?.smtp} onSelect={pickMailbox} />
        </section>
        <section className={s.panel} aria-label={t('browse.folders')} data-card>
          <Text weight="semibold">{mailbox ? t('browse.foldersOf', { mailbox: mailbox.displayName }) : t('browse.folders')}</Text>
          {!mailbox ? <Text>{t('browse.pickMailbox')}</Text> : null}
          {folders.running ? <BusyBar label={t('browse.loadingFolders')} onCancel={folders.cancel} testId="folders-loading" /> : null}
          {folders.error ? <ErrorPanel error={folders.error} testId="folders-error" /> : null}
          {mailbox && folders.result && !folders.running ? (
            folders.result.folders.length ? (
              <FolderTree
                folders={folders.result.folders}
                label={t('browse.folders')}
                choice={{ mode: 'one', selected: folder?.id, onSelect: pickFolder }}
                testId="browse-folders"
                itemTestId="folder-item"
              />
            ) : (
              <Text>{t('browse.noFolders')}</Text>
            )
          ) : null}
        </section>
        <section className={mergeClasses(s.panel, s.previewPanel)} aria-label={contentsTitle} data-card>
          <Text weight="semibold">{contentsTitle}</Text>
          {!folder ? <Text>{t('browse.pickFolder')}</Text> : null}
          {preview.running ? <BusyBar label={t('browse.loadingPreview')} onCancel={preview.cancel} testId="preview-loading" /> : null}
          {preview.error ? <ErrorPanel error={preview.error} testId="preview-error" /> : null}
          {items.running ? <BusyBar label={t('browse.items.loading')} onCancel={items.cancel} testId="items-loading" /> : null}
          {items.error ? <ErrorPanel error={items.error} testId="items-error" /> : null}
          {folder && itemKind && items.result && !items.running ? (
            items.result.items.length ? (
              <ItemPreview items={items.result.items} truncated={items.result.truncated} kind={itemKind} />
            ) : (
              <Text data-testid="items-empty">{t('browse.items.empty')}</Text>
            )
          ) : null}
          {folder && !itemKind && preview.result && !preview.running ? (
            preview.result.events.length ? (
              <EventPreview events={preview.result.events} truncated={preview.result.truncated} />
            ) : (
              <Text data-testid="preview-empty">{t('browse.preview.empty')}</Text>
            )
          ) : null}
        </section>
      </div>
    </div>
  );
}
