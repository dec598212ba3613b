// Fields of an Exchange (EWS) profile. Endpoint is either a fixed EWS URL or an address for autodiscover.
import { MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Field } from '@fluentui/react-components';
import { knownWindowsZones } from '../../../shared/time-zones.js';
import { EXCHANGE_VERSIONS, isLegacyOnlineEws, type EndpointMode } from '../../models/profile-form-model.js';
import { useT } from '../../app/i18n-context.js';
import type { FormBinding } from './form-binding.js';
import { SecretInput, SelectField, SwitchField, TextField } from './form-fields.js';
import { FieldGrid } from './FieldGrid.js';
import { GraphSection } from './GraphSection.js';

export function EwsSection({ b }: { b: FormBinding }) {
  const t = useT();
  const f = b.form;
  const zones = knownWindowsZones();
  return (
    <>
      <Field label={t('profile.endpoint')}>
        <RadioGroup
          layout="horizontal"
          value={f.endpointMode}
          onChange={(_, d) => b.set('endpointMode', d.value as EndpointMode)}
          data-testid="profile-endpointMode"
        >
          <Radio value="url" label={t('profile.endpoint.url')} data-testid="profile-endpointMode-url" />
          <Radio value="autodiscover" label={t('profile.endpoint.autodiscover')} data-testid="profile-endpointMode-autodiscover" />
        </RadioGroup>
      </Field>
      <FieldGrid>
        {f.endpointMode === 'url' ? (
          <TextField
            b={b}
            field="url"
            label={t('profile.url')}
            hint={t('profile.url.hint')}
            placeholder="https://mail.contoso.com/EWS/Exchange.asmx"
            required
          />
        ) : (
          <TextField
            b={b}
            field="autodiscoverEmail"
            label={t('profile.autodiscoverEmail')}
            hint={t('profile.autodiscoverEmail.hint')}
            placeholder="svc-calpump@contoso.com"
            required
          />
        )}
        <SelectField
          b={b}
          field="exchangeVersion"
          label={t('profile.exchangeVersion')}
          options={[
            { value: '', label: t('profile.exchangeVersion.auto') },
            ...EXCHANGE_VERSIONS.map((v) => ({ value: v, label: v.replace('_', ' ') })),
          ]}
        />
        <SelectField
          b={b}
          field="auth"
          label={t('profile.auth')}
          options={[
            { value: 'ntlm', label: t('profile.auth.ntlm') },
            { value: 'kerberos', label: t('profile.auth.kerberos') },
            { value: 'basic', label: t('profile.auth.basic') },
            { value: 'oauth', label: t('profile.auth.oauth') },
          ]}
        />
        {f.auth === 'kerberos' && !f.legacyOnline ? (
          <SelectField
            b={b}
            field="kerberosCredential"
            label={t('profile.kerberos.credential')}
            hint={t('profile.kerberos.credential.hint')}
            options={[
              { value: 'password', label: t('profile.kerberos.credential.password') },
              { value: 'logon', label: t('profile.kerberos.credential.logon') },
              { value: 'keytab', label: t('profile.kerberos.credential.keytab') },
            ]}
          />
        ) : null}
        <TextField
          b={b}
          field="username"
          label={t('profile.username')}
          hint={t('profile.username.hint')}
          placeholder="svc-calpump@contoso.com"
          required
        />
        {f.legacyOnline ||
        (f.auth === 'oauth' && f.flow !== 'password') ||
        (f.auth === 'kerberos' && f.kerberosCredential !== 'password') ? null : (
          <SecretInput b={b} field="password" label={t('profile.password')} />
        )}
        {f.auth === 'kerberos' && !f.legacyOnline && f.kerberosCredential === 'keytab' ? (
          <TextField b={b} field="kerberosKeytab" label={t('profile.kerberos.keytab')} hint={t('profile.kerberos.keytab.hint')} required />
        ) : null}
        {f.auth === 'kerberos' && !f.legacyOnline ? (
          <>
            <TextField
              b={b}
              field="kerberosSpn"
              label={t('profile.kerberos.spn')}
              hint={t('profile.kerberos.spn.hint')}
              placeholder="HTTP/mail.contoso.com"
            />
            <TextField
              b={b}
              field="kerberosRealm"
              label={t('profile.kerberos.realm')}
              hint={t('profile.kerberos.realm.hint')}
              placeholder="CONTOSO.COM"
            />
          </>
        ) : null}
        <SelectField
          b={b}
          field="access"
          label={t('profile.access')}
          hint={t(f.access === 'impersonation' ? 'profile.access.impersonation.hint' : 'profile.access.delegate.hint')}
          options={[
            { value: 'impersonation', label: t('profile.access.impersonation') },
            { value: 'delegate', label: t('profile.access.delegate') },
          ]}
        />
        <TextField b={b} field="mailDomain" label={t('profile.mailDomain')} hint={t('profile.mailDomain.hint')} placeholder="contoso.com" />
        <SelectField
          b={b}
          field="timeZone"
          label={t('profile.timeZone')}
          options={(zones.includes(f.timeZone) ? zones : [f.timeZone, ...zones]).map((z) => ({ value: z, label: z }))}
        />
      </FieldGrid>
      {f.auth === 'oauth' && !f.legacyOnline ? <GraphSection b={b} onPremises /> : null}
      <SwitchField b={b} field="legacyOnline" label={t('profile.legacyOnline')} />
      {isLegacyOnlineEws(f) ? (
        <MessageBar intent="warning" layout="multiline" data-testid="profile-legacy-warning">
          <MessageBarBody>
            <MessageBarTitle>{t('profile.legacy.title')}</MessageBarTitle>
            {t('profile.legacy.message')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {f.legacyOnline ? (
        <FieldGrid>
          <TextField
            b={b}
            field="legacyTenantId"
            label={t('profile.tenantId')}
            hint={t('profile.tenantId.hint')}
            placeholder="contoso.onmicrosoft.com"
            required
          />
          <TextField
            b={b}
            field="legacyClientId"
            label={t('profile.clientId')}
            hint={t('profile.clientId.hint')}
            placeholder="00000000-0000-0000-0000-000000000000"
            required
          />
          <SelectField
            b={b}
            field="credential"
            label={t('profile.credential')}
            options={[
              { value: 'secret', label: t('profile.credential.secret') },
              { value: 'certificate', label: t('profile.credential.certificate') },
            ]}
          />
          {f.credential === 'certificate' ? (
            <SecretInput b={b} field="certificate" label={t('profile.certificate')} hint={t('profile.certificate.hint')} multiline />
          ) : (
            <SecretInput b={b} field="clientSecret" label={t('profile.clientSecret')} />
          )}
        </FieldGrid>
      ) : null}
    </>
  );
}
