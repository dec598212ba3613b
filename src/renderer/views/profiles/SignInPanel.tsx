// Interactive Microsoft 365 profiles sign in through the system browser (loopback redirect + PKCE); the host
// opens the browser, this panel shows who is signed in and lets the user cancel a sign-in left hanging.
// Device-code profiles (a server without a browser, `calpump serve` opened from another machine) show the code
// and the page to enter it on while the sign-in waits.
import { Button, Divider, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RpcEventPayload, RpcOutput } from '../../../shared/rpc.js';
import { useEvent } from '../../app/use-event.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { BusyBar } from '../../components/BusyBar.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function SignInPanel({ profileId }: { profileId: string }) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const [status, setStatus] = useState<RpcOutput<'auth.status'> | undefined>();
  useEffect(() => {
    client['auth.status']({ profileId }).then(setStatus, () => undefined);
  }, [client, profileId]);
  const [deviceCode, setDeviceCode] = useState<RpcEventPayload<'auth.deviceCode'> | undefined>();
  useEvent('auth.deviceCode', (d) => {
    if (d.profileId === profileId) setDeviceCode(d);
  });
  const login = useOperation(async (signal) => {
    setDeviceCode(undefined);
    try {
      const r = await client['auth.login']({ profileId }, { signal });
      setStatus(r);
      return r;
    } finally {
      setDeviceCode(undefined);
    }
  });
  const logout = useOperation(async () => setStatus(await client['auth.logout']({ profileId })));

  return (
    <section className={s.root} data-testid="profile-signin">
      <Divider alignContent="start">{t('profile.signin.title')}</Divider>
      <div className={s.row}>
        <Text data-testid="profile-signin-status">
          {status?.signedIn ? t('profile.signin.signedInAs', { account: status.account ?? '?' }) : t('profile.signin.signedOut')}
        </Text>
        {status?.signedIn ? (
          <Button onClick={() => void logout.run()} data-testid="profile-signout">
            {t('profile.signin.signOut')}
          </Button>
        ) : (
          <Button appearance="primary" onClick={() => void login.run()} disabled={login.running} data-testid="profile-signin-run">
            {t('profile.signin.signIn')}
          </Button>
        )}
      </div>
      {login.running && deviceCode ? (
        <Text data-testid="profile-signin-devicecode">
          {t('profile.signin.deviceCode', { uri: deviceCode.verificationUri, code: deviceCode.userCode })}{' '}
          <Link href={deviceCode.verificationUri} target="_blank" rel="noreferrer">
            {deviceCode.verificationUri}
          </Link>{' '}
          <strong data-testid="profile-signin-usercode">{deviceCode.userCode}</strong>
        </Text>
      ) : null}
      {login.running ? (
        <BusyBar
          label={t(deviceCode ? 'profile.signin.waitingCode' : 'profile.signin.waiting')}
          onCancel={login.cancel}
          testId="profile-signin-busy"
        />
      ) : null}
      {login.error ? <ErrorPanel error={login.error} testId="profile-signin-error" /> : null}
      {logout.error ? <ErrorPanel error={logout.error} testId="profile-signout-error" /> : null}
    </section>
  );
}
