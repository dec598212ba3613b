// "Test" runs the connection steps against one mailbox: the saved profile when nothing changed, otherwise
// the form as it is now (a draft, so a setting can be tried before it is saved).
import { Button, Divider, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SecretsInput } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { BusyBar } from '../../components/BusyBar.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { StepList } from '../../components/StepList.js';
import type { ProfileFormState, ValidationResult } from '../../models/profile-form-model.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  mailbox: { flexGrow: 1, maxWidth: '420px' },
});

export function ProfileTestPanel({
  form,
  isNew,
  dirty,
  validation,
  onInvalid,
}: {
  form: ProfileFormState;
  isNew: boolean;
  dirty: boolean;
  validation: ValidationResult;
  onInvalid: () => void;
}) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const [mailbox, setMailbox] = useState('');
  const target = mailbox.trim() || form.testMailbox.trim() || undefined;

  const test = useOperation(async (signal) => {
    if (!isNew && !dirty && form.id) return client['profiles.test']({ id: form.id, mailbox: target }, { signal });
    if (!validation.ok) throw new Error('invalid');
    const { profile, secrets } = validation.value;
    return client['profiles.test']({ draft: { profile, secrets: secrets as SecretsInput }, mailbox: target }, { signal });
  });

  const onTest = () => {
    if ((isNew || dirty) && !validation.ok) {
      onInvalid();
      return;
    }
    void test.run();
  };

  return (
    <section className={s.root} data-testid="profile-test">
      <Divider alignContent="start">{t('profile.test.title')}</Divider>
      <div className={s.row}>
        <Field className={s.mailbox} label={t('profile.test.mailbox')} hint={t('profile.test.mailbox.hint')}>
          <Input
            value={mailbox}
            placeholder={form.testMailbox || 'alice.smith@contoso.com'}
            onChange={(_, d) => setMailbox(d.value)}
            data-testid="profile-test-mailbox"
          />
        </Field>
        <Button onClick={onTest} disabled={test.running} data-testid="profile-test-run">
          {t('profile.test.run')}
        </Button>
      </div>
      {test.running ? <BusyBar label={t('profile.test.running')} onCancel={test.cancel} testId="profile-test-busy" /> : null}
      {test.cancelled ? <span data-testid="profile-test-cancelled">{t('common.cancelled')}</span> : null}
      {test.error ? <ErrorPanel error={test.error} testId="profile-test-error" /> : null}
      {test.result && !test.running ? <StepList result={test.result} testId="profile-test-steps" /> : null}
    </section>
  );
}
