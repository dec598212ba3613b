// The assistant's first half: the address, the server behind it (with "trust this certificate" when nobody
// vouches for it yet), the sign-in, and a connection test whose steps appear as they finish. The profile is
// stored only after its test passed.
import { Button, Field, Input, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { useProfiles } from '../../app/use-profiles.js';
import { useSteppedOperation } from '../../app/use-stepped-operation.js';
import { CertificateTrust } from '../../components/CertificateTrust.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { StepList } from '../../components/StepList.js';
import { viewerWindowsZone } from '../../models/profile-form-model.js';
import { draftProfile, isEmail, preferredMethod, profileNameFor, resolvedEwsUrl, type SignInMethod } from './assistant-model.js';
import type { StepProps } from './step-props.js';

const useStyles = makeStyles({
  field: { maxWidth: '420px' },
  found: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function AddressStep({ state, patch, next }: StepProps) {
  const t = useT();
  const s = useStyles();
  const bad = state.email.trim() !== '' && !isEmail(state.email);
  return (
    <>
      <Text>{t('assistant.address.intro')}</Text>
      <Field
        className={s.field}
        label={t('assistant.address.label')}
        hint={t('assistant.address.hint')}
        required
        validationState={bad ? 'error' : 'none'}
        validationMessage={bad ? t('validation.email') : undefined}
      >
        <Input
          type="email"
          value={state.email}
          autoComplete="email"
          placeholder="svc-calpump@contoso.com"
          // A new address starts the discovery over.
          onChange={(_, d) => patch({ email: d.value, discovery: undefined, pinnedSha256: undefined, test: undefined, username: '' })}
          onKeyDown={(e) => e.key === 'Enter' && isEmail(state.email) && next()}
          data-testid="assistant-email"
          autoFocus
        />
      </Field>
    </>
  );
}

export function ServerStep({ state, patch, onNavigate }: StepProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const discover = useOperation(async (signal, pinned?: string) => {
    const d = await client['setup.discover']({ email: state.email.trim(), ...(pinned ? { pinnedSha256: pinned } : {}) }, { signal });
    patch({ discovery: d, method: preferredMethod(d) });
    return d;
  });
  const { run } = discover;
  const pinned = state.pinnedSha256;
  useEffect(() => {
    void run(pinned);
  }, [run, pinned]);
  const d = discover.result ?? state.discovery;
  return (
    <>
      <Text>{t('assistant.server.intro', { domain: state.email.slice(state.email.indexOf('@') + 1) })}</Text>
      {discover.running ? <Spinner size="small" label={t('assistant.server.looking')} data-testid="assistant-discovering" /> : null}
      {discover.error ? <ErrorPanel error={discover.error} testId="assistant-discover-error" /> : null}
      {d && !discover.running ? (
        <div className={s.found} data-testid="assistant-discovery" data-kind={d.kind}>
          {d.kind === 'ews' ? (
            <>
              <Text weight="semibold" data-testid="assistant-found">
                {t('assistant.server.foundEws')}
              </Text>
              <Text className={s.mono}>{d.endpoint}</Text>
              {d.authSchemes.length ? (
                <Text>{t('assistant.server.methods', { methods: d.authSchemes.map((m) => t(`assistant.method.${m}`)).join(', ') })}</Text>
              ) : null}
              {pinned ? <Text data-testid="assistant-pinned">{t('cert.pinned')}</Text> : null}
            </>
          ) : null}
          {d.kind === 'graph' ? (
            <>
              <Text weight="semibold" data-testid="assistant-found">
                {t('assistant.server.foundGraph', { tenant: d.tenantId ?? d.domain })}
              </Text>
              <Text>{t('assistant.server.graphNext')}</Text>
              <span>
                <Button onClick={() => onNavigate('profiles')} data-testid="assistant-graph-profiles">
                  {t('profiles.addGraph')}
                </Button>
              </span>
            </>
          ) : null}
          {d.certificate ? (
            <CertificateTrust certificate={d.certificate} onTrust={(fp) => patch({ pinnedSha256: fp })} testId="assistant-cert" />
          ) : null}
          {d.kind === 'none' && !d.certificate ? (
            <>
              {d.error ? <ErrorPanel error={d.error} testId="assistant-notfound" /> : null}
              <Field className={s.field} label={t('assistant.server.url')} hint={t('assistant.server.url.hint')}>
                <Input
                  value={state.ewsUrl}
                  placeholder="https://mail.contoso.com/EWS/Exchange.asmx"
                  onChange={(_, x) => patch({ ewsUrl: x.value })}
                  data-testid="assistant-ewsUrl"
                />
              </Field>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export function SignInStep({ state, patch, next }: StepProps) {
  const t = useT();
  const s = useStyles();
  const offered = state.discovery?.authSchemes ?? [];
  const methods: SignInMethod[] = offered.length
    ? (['ntlm', 'basic'] as const).filter((m) => offered.includes(m) || (m === 'ntlm' && offered.includes('negotiate')))
    : ['ntlm', 'basic'];
  return (
    <>
      <Text>{t('assistant.signin.intro')}</Text>
      <Field className={s.field} label={t('profile.username')} hint={t('assistant.signin.username.hint')}>
        <Input
          value={state.username || state.email}
          autoComplete="username"
          onChange={(_, d) => patch({ username: d.value, test: undefined })}
          data-testid="assistant-username"
        />
      </Field>
      <Field className={s.field} label={t('profile.password')} required>
        <Input
          type="password"
          value={state.password}
          autoComplete="current-password"
          onChange={(_, d) => patch({ password: d.value, test: undefined })}
          onKeyDown={(e) => e.key === 'Enter' && state.password && next()}
          data-testid="assistant-password"
          autoFocus
        />
      </Field>
      {methods.length > 1 ? (
        <Field label={t('profile.auth')}>
          <RadioGroup
            layout="horizontal"
            value={state.method}
            onChange={(_, d) => patch({ method: d.value as SignInMethod, test: undefined })}
          >
            {methods.map((m) => (
              <Radio key={m} value={m} label={t(`assistant.method.${m}`)} data-testid={`assistant-method-${m}`} />
            ))}
          </RadioGroup>
        </Field>
      ) : null}
    </>
  );
}

export function TestStep({ state, patch, next }: StepProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const { profiles } = useProfiles();
  const zone = useRef(viewerWindowsZone()).current;
  const name =
    state.profile?.profile.name ??
    profileNameFor(
      state.email,
      profiles.map((p) => p.profile.name),
    );
  const draft = draftProfile(state, name, zone);
  const test = useSteppedOperation(async (signal, opId, pinned?: string) => {
    const profile = { ...draftProfile({ ...state, pinnedSha256: pinned ?? state.pinnedSha256 }, name, zone) };
    const mailbox = state.email.trim();
    // Back here after saving: the stored profile (and its stored password) is what is tested.
    const r =
      state.profile && !state.password && !pinned
        ? await client['profiles.test']({ id: state.profile.profile.id, mailbox, opId }, { signal })
        : await client['profiles.test'](
            { draft: { profile: profile as never, secrets: { password: state.password } }, mailbox, opId },
            { signal },
          );
    patch({ test: r, ...(pinned ? { pinnedSha256: pinned } : {}) });
    return r;
  });
  const { run } = test;
  useEffect(() => {
    void run();
  }, [run]);
  const save = useOperation(async () => {
    const profile = { ...draft, ...(resolvedEwsUrl(state.test) ? { url: resolvedEwsUrl(state.test) } : {}) };
    delete (profile as { autodiscoverEmail?: string }).autodiscoverEmail;
    if (!profile.url) (profile as { autodiscoverEmail?: string }).autodiscoverEmail = state.email.trim();
    const input = { profile: profile as never, secrets: state.password ? { password: state.password } : {} };
    const view = state.profile
      ? await client['profiles.update']({ ...input, profile: { ...(profile as object), id: state.profile.profile.id } as never })
      : await client['profiles.create'](input);
    // The password went to the host's secret store; the assistant keeps no copy.
    patch({ profile: view, password: '' });
    next();
    return view;
  });
  const result = state.test ?? test.result;
  return (
    <>
      <Text>{t('assistant.test.intro', { mailbox: state.email.trim() })}</Text>
      <StepList
        result={test.running ? undefined : result}
        live={test.live}
        running={test.running}
        onTrustCertificate={(fp) => void run(fp)}
        testId="assistant-test-steps"
      />
      {test.error ? <ErrorPanel error={test.error} testId="assistant-test-error" /> : null}
      {save.error ? <ErrorPanel error={save.error} testId="assistant-save-error" /> : null}
      <div className={s.row}>
        {!test.running && result && !result.ok ? (
          <Button onClick={() => void run()} data-testid="assistant-test-again">
            {t('assistant.test.again')}
          </Button>
        ) : null}
        {!test.running && result?.ok ? (
          <Button appearance="primary" disabled={save.running} onClick={() => void save.run()} data-testid="assistant-save-profile">
            {save.running ? t('common.saving') : t('assistant.test.save', { name })}
          </Button>
        ) : null}
      </div>
    </>
  );
}
