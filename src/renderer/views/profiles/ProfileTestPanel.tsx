// "Test" runs the connection steps against one mailbox: the saved profile when nothing changed, otherwise
// the form as it is now (a draft, so a setting can be tried before it is saved). "Test write access" runs them on
// the saved profile and then creates, reads back and deletes a tagged test item in that mailbox, naming the missing
// right when it fails and saying whether any test item was left behind.
import { Button, Divider, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useSteppedOperation } from '../../app/use-stepped-operation.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { StepList } from '../../components/StepList.js';
import type { ProfileFormState, ValidationResult } from '../../models/profile-form-model.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  mailbox: { flexGrow: 1, maxWidth: '420px' },
});

export function ProfileTestPanel({
  form,
  isNew,
  dirty,
  validation,
  onInvalid,
  onTrustCertificate,
  trustBusy,
  rerun = 0,
}: {
  form: ProfileFormState;
  isNew: boolean;
  dirty: boolean;
  validation: ValidationResult;
  onInvalid: () => void;
  /** A certificate failure offers to pin the certificate; the form saves it and bumps `rerun`. */
  onTrustCertificate?: (fingerprint: string) => void;
  trustBusy?: boolean;
  /** Changing this runs the test again (after the form saved a trusted certificate). */
  rerun?: number;
}) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const [mailbox, setMailbox] = useState('');
  const target = mailbox.trim() || form.testMailbox.trim() || undefined;

  const saved = !isNew && !dirty && !!form.id;
  const test = useSteppedOperation(async (signal, opId, write: boolean) => {
    if (write && form.id) return client['profiles.testWrite']({ id: form.id, mailbox: target, opId }, { signal });
    if (saved && form.id) return client['profiles.test']({ id: form.id, mailbox: target, opId }, { signal });
    if (!validation.ok) throw new Error('invalid');
    const { profile, secrets } = validation.value;
    return client['profiles.test']({ draft: { profile, secrets: secrets }, mailbox: target, opId }, { signal });
  });
  const runRef = useRef(test.run);
  runRef.current = test.run;
  useEffect(() => {
    if (rerun > 0) void runRef.current(false);
  }, [rerun]);

  const onTest = () => {
    if ((isNew || dirty) && !validation.ok) {
      onInvalid();
      return;
    }
    void test.run(false);
  };
  const leftBehind = (test.result as { leftBehind?: number } | undefined)?.leftBehind;
  const wrote = !test.running && test.result?.steps.some((st) => st.id.startsWith('write.'));

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
        <Button onClick={() => void test.run(true)} disabled={test.running || !saved} data-testid="profile-test-write">
          {t('profile.test.write')}
        </Button>
      </div>
      {!saved ? <Text size={200}>{t('profile.test.write.saveFirst')}</Text> : null}
      {test.running ? (
        <div className={s.row} data-testid="profile-test-busy" role="status">
          <Text>{t('profile.test.running')}</Text>
          <Button size="small" onClick={test.cancel} data-testid="profile-test-busy-cancel">
            {t('common.cancel')}
          </Button>
        </div>
      ) : null}
      {test.cancelled ? <span data-testid="profile-test-cancelled">{t('common.cancelled')}</span> : null}
      {test.error ? <ErrorPanel error={test.error} testId="profile-test-error" /> : null}
      <StepList
        result={test.result}
        live={test.live}
        running={test.running}
        onTrustCertificate={onTrustCertificate}
        trustBusy={trustBusy}
        testId="profile-test-steps"
      />
      {wrote && leftBehind !== undefined ? (
        <MessageBar
          intent={leftBehind === 0 ? 'success' : 'warning'}
          layout="multiline"
          data-testid="profile-test-write-leftover"
          data-count={leftBehind}
        >
          <MessageBarBody>
            {leftBehind === 0 ? t('profile.test.write.clean') : t('profile.test.write.leftBehind', { count: leftBehind })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
