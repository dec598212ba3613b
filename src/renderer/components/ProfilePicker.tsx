// Which profile a screen works with. Chooses the first profile when none is chosen yet.
import { Field, Select, makeStyles } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ProfileView } from '../../shared/rpc.js';
import { useT } from '../app/i18n-context.js';

const useStyles = makeStyles({ field: { maxWidth: '420px', minWidth: '260px' } });

export function ProfilePicker({
  profiles,
  value,
  onChange,
  testId = 'profile-picker',
}: {
  profiles: ProfileView[];
  value?: string;
  onChange: (id: string | undefined) => void;
  testId?: string;
}) {
  const t = useT();
  const s = useStyles();
  const known = profiles.some((p) => p.profile.id === value);
  useEffect(() => {
    if (!known && profiles.length > 0) onChange(profiles[0].profile.id);
  }, [known, profiles, onChange]);
  return (
    <Field className={s.field} label={t('common.profile')}>
      <Select value={known ? value : ''} onChange={(_, d) => onChange(d.value || undefined)} data-testid={testId}>
        {profiles.map(({ profile }) => (
          <option key={profile.id} value={profile.id}>
            {profile.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
