// Settings both kinds share: proxy, which certificate to trust, test mailbox and log level. TLS verification
// itself can never be switched off here; a CA file or a pinned fingerprint only narrows what is trusted.
import { LOG_LEVELS } from '../../models/profile-form-model.js';
import { useT } from '../../app/i18n-context.js';
import type { FormBinding } from './form-binding.js';
import { FileField, SecretInput, SelectField, TextField } from './form-fields.js';
import { FieldGrid } from './FieldGrid.js';

export function ConnectionSection({ b }: { b: FormBinding }) {
  const t = useT();
  const f = b.form;
  return (
    <FieldGrid>
      <SelectField
        b={b}
        field="proxyMode"
        label={t('profile.proxy')}
        options={[
          { value: 'system', label: t('profile.proxy.system') },
          { value: 'none', label: t('profile.proxy.none') },
          { value: 'pac', label: t('profile.proxy.pac') },
          { value: 'url', label: t('profile.proxy.url') },
        ]}
      />
      {f.proxyMode === 'url' ? (
        <TextField b={b} field="proxyUrl" label={t('profile.proxyUrl')} placeholder="http://proxy.contoso.com:8080" required />
      ) : null}
      {f.proxyMode === 'pac' ? (
        <TextField
          b={b}
          field="proxyPacUrl"
          label={t('profile.proxyPacUrl')}
          hint={t('profile.proxyPacUrl.hint')}
          placeholder="http://wpad.contoso.com/proxy.pac"
          required
        />
      ) : null}
      {f.proxyMode !== 'none' ? (
        <>
          <TextField b={b} field="proxyUsername" label={t('profile.proxyUsername')} hint={t('profile.proxyUsername.hint')} />
          {f.proxyUsername.trim() ? <SecretInput b={b} field="proxyPassword" label={t('profile.proxyPassword')} /> : null}
        </>
      ) : null}
      <SelectField
        b={b}
        field="tlsMode"
        label={t('profile.tls')}
        hint={t('profile.tls.hint')}
        options={[
          { value: 'default', label: t('profile.tls.default') },
          { value: 'caFile', label: t('profile.tls.caFile') },
          { value: 'pinned', label: t('profile.tls.pinned') },
        ]}
      />
      {f.tlsMode === 'caFile' ? (
        <FileField
          b={b}
          field="caFile"
          label={t('profile.caFile')}
          placeholder="C:\\certs\\contoso-root.pem"
          extensions={['pem', 'cer', 'crt']}
          required
        />
      ) : null}
      {f.tlsMode === 'pinned' ? (
        <TextField b={b} field="pinnedSha256" label={t('profile.pinnedSha256')} placeholder="AB:CD:…" required />
      ) : null}
      <TextField
        b={b}
        field="testMailbox"
        label={t('profile.testMailbox')}
        hint={t('profile.testMailbox.hint')}
        placeholder="alice.smith@contoso.com"
      />
      <SelectField
        b={b}
        field="logLevel"
        label={t('profile.logLevel')}
        options={LOG_LEVELS.map((v) => ({ value: v, label: t(`logLevel.${v}`) }))}
      />
    </FieldGrid>
  );
}
