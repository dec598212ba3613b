// Profiles: the list on the left, the selected (or new) profile's form on the right.
import { Badge, Button, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ViewProps } from '../../app/ViewSwitch.js';
import { useT } from '../../app/i18n-context.js';
import { useProfiles } from '../../app/use-profiles.js';
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
  panel: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalXL, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4 },
});

type Editing = { kind: 'new'; profileKind: ProfileKind; nonce: number } | { kind: 'existing'; id: string } | undefined;

export function ProfilesView({ profileId, onProfile }: ViewProps) {
  const t = useT();
  const s = useStyles();
  const { profiles, loading, error, reload } = useProfiles();
  const [editing, setEditing] = useState<Editing>(profileId ? { kind: 'existing', id: profileId } : undefined);
  const current = editing?.kind === 'existing' ? profiles.find((p) => p.profile.id === editing.id) : undefined;
  const startNew = (k: ProfileKind) => setEditing({ kind: 'new', profileKind: k, nonce: Date.now() });

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
        <div className={s.list} data-testid="profiles-list">
          {profiles.map(({ profile }) => (
            <button
              type="button"
              key={profile.id}
              className={mergeClasses(s.item, current?.profile.id === profile.id && s.selected)}
              onClick={() => {
                setEditing({ kind: 'existing', id: profile.id });
                onProfile(profile.id);
              }}
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
        {editing?.kind === 'new' ? (
          <ProfileForm
            key={`new-${editing.nonce}`}
            initial={{ ...emptyForm(editing.profileKind), id: newId() }}
            isNew
            onSaved={(v) => {
              void reload();
              setEditing({ kind: 'existing', id: v.profile.id });
              onProfile(v.profile.id);
            }}
            onRemoved={() => setEditing(undefined)}
          />
        ) : current ? (
          <ProfileForm
            key={current.profile.id}
            initial={formFromProfile(current.profile)}
            isNew={false}
            secrets={current.secrets}
            onSaved={() => void reload()}
            onRemoved={() => {
              setEditing(undefined);
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

function newId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
