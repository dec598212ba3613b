// Fields of a Microsoft 365 (Graph) profile. Which credential is asked for depends on the sign-in flow.
import { useT } from '../../app/i18n-context.js';
import { GRAPH_FLOWS } from '../../models/profile-form-model.js';
import type { FormBinding } from './form-binding.js';
import { SecretInput, SelectField, TextField } from './form-fields.js';
import { FieldGrid } from './FieldGrid.js';

/** `onPremises`: the OAuth settings of an EWS profile (no Graph host; the EWS user name serves the password flow). */
export function GraphSection({ b, onPremises = false }: { b: FormBinding; onPremises?: boolean }) {
  const t = useT();
  const f = b.form;
  return (
    <FieldGrid>
      <TextField
        b={b}
        field="tenantId"
        label={t('profile.tenantId')}
        hint={t('profile.tenantId.hint')}
        placeholder="contoso.onmicrosoft.com"
        required
      />
      <TextField
        b={b}
        field="clientId"
        label={t('profile.clientId')}
        hint={t('profile.clientId.hint')}
        placeholder="00000000-0000-0000-0000-000000000000"
        required
      />
      <SelectField
        b={b}
        field="flow"
        label={t('profile.flow')}
        hint={t(`profile.flow.${f.flow}.hint`)}
        options={GRAPH_FLOWS.map((v) => ({ value: v, label: t(`profile.flow.${v}`) }))}
      />
      {f.flow === 'clientCredentials' ? (
        <SelectField
          b={b}
          field="credential"
          label={t('profile.credential')}
          options={[
            { value: 'secret', label: t('profile.credential.secret') },
            { value: 'certificate', label: t('profile.credential.certificate') },
          ]}
        />
      ) : null}
      {f.flow === 'clientCredentials' && f.credential === 'secret' ? (
        <SecretInput b={b} field="clientSecret" label={t('profile.clientSecret')} />
      ) : null}
      {f.flow === 'clientCredentials' && f.credential === 'certificate' ? (
        <SecretInput b={b} field="certificate" label={t('profile.certificate')} hint={t('profile.certificate.hint')} multiline />
      ) : null}
      {f.flow === 'password' && !onPremises ? (
        <>
          <TextField b={b} field="graphUsername" label={t('profile.username')} placeholder="admin@contoso.onmicrosoft.com" required />
          <SecretInput b={b} field="password" label={t('profile.password')} />
        </>
      ) : null}
      {f.flow === 'interactive' ? (
        <TextField b={b} field="redirectUri" label={t('profile.redirectUri')} hint={t('profile.redirectUri.hint')} required />
      ) : null}
      <TextField b={b} field="authorityHost" label={t('profile.authorityHost')} hint={t('profile.authorityHost.hint')} />
      {onPremises ? null : <TextField b={b} field="graphHost" label={t('profile.graphHost')} hint={t('profile.graphHost.hint')} />}
    </FieldGrid>
  );
}
