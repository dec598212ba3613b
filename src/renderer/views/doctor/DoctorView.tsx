// Doctor: runs every diagnostic step for a profile (DNS, TCP, TLS, authentication, permissions, a mailbox)
// and shows each result with its fix. The steps come from the host; this screen only renders them.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useSteppedOperation } from '../../app/use-stepped-operation.js';
import { useProfiles } from '../../app/use-profiles.js';
import type { ViewProps } from '../../app/view-props.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { ProfilePicker } from '../../components/ProfilePicker.js';
import { StepList } from '../../components/StepList.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '960px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
});

export function DoctorView({ profileId, onProfile, onNavigate }: ViewProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const { profiles, loading } = useProfiles();
  const [mailbox, setMailbox] = useState('');
  const doctor = useSteppedOperation((signal, opId, pid: string, mb: string) =>
    client['doctor.run']({ profileId: pid, mailbox: mb || undefined, opId }, { signal }),
  );

  if (!loading && profiles.length === 0) {
    return (
      <EmptyState
        testId="doctor-no-profiles"
        title={t('browse.noProfiles.title')}
        hint={t('doctor.noProfiles.hint')}
        action={
          <Button appearance="primary" onClick={() => onNavigate('profiles')}>
            {t('browse.noProfiles.action')}
          </Button>
        }
      />
    );
  }
  return (
    <div className={s.root}>
      <Text>{t('doctor.intro')}</Text>
      <div className={s.row}>
        <ProfilePicker profiles={profiles} value={profileId} onChange={onProfile} testId="doctor-profile" />
        <Field label={t('doctor.mailbox')}>
          <Input
            value={mailbox}
            onChange={(_, d) => setMailbox(d.value)}
            placeholder="alice.smith@contoso.com"
            data-testid="doctor-mailbox"
          />
        </Field>
        <Button
          appearance="primary"
          disabled={!profileId || doctor.running}
          onClick={() => profileId && void doctor.run(profileId, mailbox.trim())}
          data-testid="doctor-run"
        >
          {t('doctor.run')}
        </Button>
      </div>
      {doctor.running ? (
        <div className={s.row} role="status" data-testid="doctor-busy">
          <Text>{t('doctor.running')}</Text>
          <Button size="small" onClick={doctor.cancel} data-testid="doctor-busy-cancel">
            {t('common.cancel')}
          </Button>
        </div>
      ) : null}
      {doctor.cancelled ? <Text>{t('common.cancelled')}</Text> : null}
      {doctor.error ? <ErrorPanel error={doctor.error} testId="doctor-error" /> : null}
      {doctor.result || doctor.running ? (
        <div className={s.panel} data-card>
          <StepList result={doctor.result} live={doctor.live} running={doctor.running} testId="doctor-steps" />
        </div>
      ) : null}
    </div>
  );
}
