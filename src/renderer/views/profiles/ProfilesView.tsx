// Profiles: the list on the left, the selected (or new) profile's form on the right.
import { Badge, Button, Spinner, Text, makeStyles, mergeClasses, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { ProfileView } from '../../../shared/rpc.js';
import type { SecretName } from '../../../shared/profile.js';
import type { ViewProps } from '../../app/view-props.js';
import { useT } from '../../app/i18n-context.js';
import { useProfiles } from '../../app/use-profiles.js';
import { useGuarded } from '../../app/unsaved-guard.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { emptyForm, formFromProfile, type ProfileKind } from '../../models/profile-form-model.js';
import { ProfileForm } from './ProfileForm.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(220px, 280px) 1fr', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    textAlign: 'start',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  addRow: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
});

/** key identifies the form instance: it stays the same when a new profile is saved, so the form keeps its state. */
type Editing = { key: string; id?: string; profileKind: ProfileKind } | undefined;

export function ProfilesView({ item, onProfile }: ViewProps) {
  const t = useT();
  const s = useStyles();
  const guarded = useGuarded();
  const arrows = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const { profiles, loading, error, reload } = useProfiles();
  const [editing, setEditing] = useState<Editing>(item ? { key: item, id: item, profileKind: 'ews' } : undefined);
  // The host's answer to the last save, used until the list has been read again.
  const [lastSaved, setLastSaved] = useState<ProfileView | undefined>();
  // A job names its profile by id or by name: a link from Home (#/profiles/<job's profile>) may carry either.
  const listed = editing?.id
    ? (profiles.find((p) => p.profile.id === editing.id) ?? profiles.find((p) => editing.id === item && p.profile.name === item))
    : undefined;
  const current = listed ?? (lastSaved && lastSaved.profile.id === editing?.id ? lastSaved : undefined);
  // Another profile or a new one replaces the form: unsaved edits are asked about first.
  const startNew = (k: ProfileKind) =>
    guarded(() => {
      setLastSaved(undefined);
      setEditing({ key: `new-${Date.now()}`, profileKind: k });
    });
  const open = (id: string) =>
    guarded(() => {
      setLastSaved(undefined);
      setEditing({ key: id, id, profileKind: 'ews' });
      onProfile(id);
    });

  return (
    <div className={s.root}>
      <div>
        <div className={s.addRow}>
          <Button appearance="primary" onClick={() => startNew('ews')} data-testid="profiles-add-ews">
            {t('profiles.addEws')}
          </Button>
          <Button onClick={() => startNew('graph')} data-testid="profiles-add-graph">
            {t('profiles.addGraph')}
          </Button>
        </div>
        {loading && profiles.length === 0 ? <Spinner size="small" label={t('common.loading')} /> : null}
        {error ? <ErrorPanel error={error} /> : null}
        <div className={s.list} data-testid="profiles-list" role="list" aria-label={t('nav.profiles')} {...arrows}>
          {profiles.map(({ profile }) => (
            <button
              type="button"
              key={profile.id}
              className={mergeClasses(s.item, current?.profile.id === profile.id && s.selected)}
              onClick={() => open(profile.id)}
              role="listitem"
              aria-current={current?.profile.id === profile.id ? 'true' : undefined}
              data-testid="profiles-item"
              data-profile-name={profile.name}
            >
              <Text weight="semibold">{profile.name}</Text>
              <Badge appearance="outline" size="small">
                {t(profile.kind === 'ews' ? 'profiles.kind.ews' : 'profiles.kind.graph')}
              </Badge>
            </button>
          ))}
        </div>
      </div>
      <div className={s.panel}>
        {editing && (!editing.id || current) ? (
          <ProfileForm
            key={editing.key}
            initial={current ? formFromProfile(current.profile, storedSecrets(current)) : emptyForm(editing.profileKind)}
            isNew={!editing.id}
            secrets={current?.secrets}
            others={profiles}
            onSaved={(v) => {
              setLastSaved(v);
              setEditing((e) => (e ? { ...e, id: v.profile.id } : e));
              onProfile(v.profile.id);
              void reload();
            }}
            onRemoved={() => {
              setEditing(undefined);
              setLastSaved(undefined);
              onProfile(undefined);
              void reload();
            }}
          />
        ) : !loading && profiles.length === 0 ? (
          <EmptyState
            testId="profiles-empty"
            title={t('profiles.empty.title')}
            hint={t('profiles.empty.hint')}
            action={
              <Button appearance="primary" onClick={() => startNew('ews')}>
                {t('profiles.addEws')}
              </Button>
            }
          />
        ) : (
          <EmptyState testId="profiles-pick" title={t('profiles.pick.title')} hint={t('profiles.pick.hint')} />
        )}
      </div>
    </div>
  );
}

function storedSecrets(v: ProfileView): SecretName[] {
  return (Object.entries(v.secrets) as Array<[SecretName, string]>).filter(([, state]) => state === 'stored').map(([name]) => name);
}
