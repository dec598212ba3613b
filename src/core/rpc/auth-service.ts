// auth.* for the UI: Microsoft 365 sign-in through the same token provider the CLI and the Graph connector use.
// The host decides how a browser is opened (Electron: shell.openExternal; serve: the system opener).
import { createTokenProvider, httpSendFromClient, profileTokenTarget } from '../auth/index.js';
import type { Lang } from '../doctor/catalogue.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { text } from '../../shared/i18n/engine-texts.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { Profile } from '../../shared/profile.js';
import type { AuthService } from './services.js';
import { profileHttpClient } from '../connectors/profile-http-client.js';

export interface AuthServiceDeps {
  secrets: SecretStore;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** Opens the sign-in page in the system browser; only https and loopback http URLs reach it. */
  openBrowser?: (url: string) => Promise<void>;
  lang?: () => Lang;
  /** A device-code sign-in is waiting for the user to enter the code (the host publishes it to the UI). */
  onDeviceCode?: (info: { profileId: string; userCode: string; verificationUri: string; message: string; expiresAt: string }) => void;
}

export function isSignInUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname));
  } catch {
    return false;
  }
}

export function createAuthService(deps: AuthServiceDeps): AuthService {
  async function withProvider<T>(profile: Profile, fn: (tokens: ReturnType<typeof createTokenProvider>) => Promise<T>): Promise<T> {
    const target = profileTokenTarget(profile);
    if (!target) {
      throw new CalpumpError('input.invalid', {
        params: {
          field: 'profile',
          problem: text('problem.auth.passwordProfile', { profile: profile.name }),
        },
      });
    }
    const client = await profileHttpClient(profile, { secrets: deps.secrets, env: deps.env });
    try {
      return await fn(
        createTokenProvider(target, {
          secrets: deps.secrets,
          logger: deps.logger.child({ profile: profile.name }),
          http: httpSendFromClient(client),
        }),
      );
    } finally {
      client.close();
    }
  }
  const open = deps.openBrowser;
  return {
    status: (profile) =>
      withProvider(profile, async (t) => {
        const s = await t.status();
        return {
          signedIn: s.signedIn,
          ...(s.account ? { account: s.account } : {}),
          ...(s.accessTokenExpiresOn ? { expiresAt: s.accessTokenExpiresOn } : {}),
        };
      }),
    login: (profile, signal) =>
      withProvider(profile, async (t) => {
        const s = await t.login({
          signal,
          lang: deps.lang?.(),
          showDeviceCode: (d) =>
            deps.onDeviceCode?.({
              profileId: profile.id,
              userCode: d.userCode,
              verificationUri: d.verificationUri,
              message: d.message,
              expiresAt: new Date(Date.now() + d.expiresInSeconds * 1000).toISOString(),
            }),
          openBrowser: open
            ? async (url) => {
                if (!isSignInUrl(url))
                  throw new CalpumpError('input.invalid', {
                    params: { field: 'sign-in URL', problem: text('problem.auth.signInUrl') },
                  });
                await open(url);
              }
            : undefined,
        });
        return { signedIn: s.signedIn, ...(s.account ? { account: s.account } : {}) };
      }),
    logout: (profile) => withProvider(profile, (t) => t.logout()),
  };
}
