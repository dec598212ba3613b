// Add / edit one profile. Validation runs on every change through the shared zod schema; an error shows once
// the user has left that field or pressed Save. Secrets typed here go to the host once and are never shown again.
import { Button, Divider, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ProfileView, SecretsInput } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { useUnsavedChanges } from '../../app/unsaved-guard.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import {
  validateProfileForm,
  type FieldId,
  type ProfileFormState,
  type ProfileSubmit,
  type SecretField,
} from '../../models/profile-form-model.js';
import { ConnectionSection } from './ConnectionSection.js';
import { EwsSection } from './EwsSection.js';
import { visibleErrors, type FormBinding } from './form-binding.js';
import { TextField } from './form-fields.js';
import { GraphSection } from './GraphSection.js';
import { ProfileTestPanel } from './ProfileTestPanel.js';
import { RemoveProfileDialog } from './RemoveProfileDialog.js';
import { SignInPanel } from './SignInPanel.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface ProfileFormProps {
  initial: ProfileFormState;
  isNew: boolean;
  secrets?: ProfileView['secrets'];
  /** The other profiles (where the jobs of a removed profile can move). */
  others?: ProfileView[];
  onSaved: (v: ProfileView) => void;
  onRemoved: () => void;
  /** Tests hook into what would be sent. */
  onSubmitPayload?: (p: ProfileSubmit) => void;
}

export function ProfileForm({ initial, isNew, secrets, others = [], onSaved, onRemoved, onSubmitPayload }: ProfileFormProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<FieldId>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [dirty, setDirty] = useState(isNew);
  const [removing, setRemoving] = useState(false);
  const [rerunTest, setRerunTest] = useState(0);
  const changed = useMemo(() => JSON.stringify(form) !== JSON.stringify(initial), [form, initial]);
  useUnsavedChanges(dirty && changed);
  // A new profile becomes an existing one after its first save; the form instance stays.
  const stored = useMemo(
    () => (Object.entries(secrets ?? {}) as Array<[SecretField, string]>).filter(([, v]) => v === 'stored').map(([k]) => k),
    [secrets],
  );
  const validation = useMemo(() => validateProfileForm(form, stored), [form, stored]);
  const errors = visibleErrors(validation.ok ? {} : validation.errors, touched, submitted);

  const b: FormBinding = {
    form,
    set: (field, value) => {
      setForm((f) => ({ ...f, [field]: value }));
      setDirty(true);
    },
    errorOf: (field) => errors[field],
    touch: (field) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field))),
    isStored: (secret) => stored.includes(secret),
  };

  const save = useOperation(async (_signal, payload: ProfileSubmit) => {
    const input = { profile: payload.profile, secrets: payload.secrets as SecretsInput };
    const view = isNew ? await client['profiles.create'](input) : await client['profiles.update'](input);
    // Secrets went to the host; drop them from memory and show "stored" from now on.
    setForm((f) => ({ ...f, id: view.profile.id, password: '', clientSecret: '', certificate: '', proxyPassword: '' }));
    setDirty(false);
    onSaved(view);
    return view;
  });
  // "Trust this certificate": pin it in the form, save (a saved profile), then test again with it.
  const trust = useOperation(async (_signal, fingerprint: string) => {
    const next: ProfileFormState = { ...form, tlsMode: 'pinned', pinnedSha256: fingerprint };
    setForm(next);
    setDirty(true);
    const checked = validateProfileForm(next, stored);
    if (isNew || !checked.ok) return false;
    if (!(await save.run(checked.value))) return false;
    setRerunTest((n) => n + 1);
    return true;
  });

  const onSave = () => {
    setSubmitted(true);
    if (!validation.ok) return;
    onSubmitPayload?.(validation.value);
    void save.run(validation.value);
  };

  return (
    <form
      className={s.root}
      data-testid="profile-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <Text as="h2" size={600} weight="semibold" style={{ margin: 0 }}>
        {isNew ? t(form.kind === 'ews' ? 'profile.new.ews' : 'profile.new.graph') : form.name}
      </Text>
      <TextField b={b} field="name" label={t('profile.name')} hint={t('profile.name.hint')} required />
      <div className={s.section}>
        <Divider alignContent="start">{t(form.kind === 'ews' ? 'profile.section.ews' : 'profile.section.graph')}</Divider>
        {form.kind === 'ews' ? <EwsSection b={b} /> : <GraphSection b={b} />}
      </div>
      <div className={s.section}>
        <Divider alignContent="start">{t('profile.section.connection')}</Divider>
        <ConnectionSection b={b} />
      </div>
      {submitted && !validation.ok ? (
        <Text data-testid="profile-invalid-summary" role="alert">
          {t('profile.invalidSummary', { count: Object.keys(validation.errors).length })}
        </Text>
      ) : null}
      {save.error ? <ErrorPanel error={save.error} testId="profile-save-error" /> : null}
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={save.running} data-testid="profile-save">
          {save.running ? t('common.saving') : t('common.save')}
        </Button>
        {!isNew ? (
          <Button onClick={() => setRemoving(true)} data-testid="profile-remove">
            {t('common.remove')}
          </Button>
        ) : null}
        {save.result && !dirty ? <Text data-testid="profile-saved">{t('profile.saved')}</Text> : null}
      </div>
      {trust.result ? <Text data-testid="profile-cert-pinned">{t('cert.pinned')}</Text> : null}
      <ProfileTestPanel
        form={form}
        isNew={isNew}
        dirty={dirty}
        validation={validation}
        onInvalid={() => setSubmitted(true)}
        onTrustCertificate={(fp) => void trust.run(fp)}
        trustBusy={trust.running || save.running}
        rerun={rerunTest}
      />
      {!isNew && form.id ? (
        <RemoveProfileDialog
          profile={{ id: form.id, name: initial.name }}
          others={others.filter((p) => p.profile.id !== form.id)}
          open={removing}
          onClose={() => setRemoving(false)}
          onRemoved={() => {
            setRemoving(false);
            setDirty(false);
            onRemoved();
          }}
        />
      ) : null}
      {!isNew && form.kind === 'graph' && form.flow === 'interactive' && form.id ? <SignInPanel profileId={form.id} /> : null}
    </form>
  );
}
