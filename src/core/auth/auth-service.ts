// The AuthService the RPC layer (src/core/rpc/services.ts) expects from its host: sign-in state, login and
// logout for Microsoft 365 profiles (Graph, and legacy EWS on Microsoft 365). The host supplies how a browser
// is opened (Electron: shell.openExternal) and where the URL / device code is shown (an RPC event, a dialog).
import type { Profile } from '../../shared/profile.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { Lang } from '../doctor/catalogue.js';
import type { Logger } from '../log/logger.js';
import type { HttpClient } from '../net/index.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { HttpSend } from './http-send.js';
import { httpSendFromClient } from './net-http-send.js';
import { createTokenProvider, type LoginUi, type TokenProvider } from './token-provider.js';
import { profileTokenTarget } from './token-target.js';
import { profileHttpClient } from '../connectors/profile-http-client.js';

export interface AuthServiceOptions {
  secrets: SecretStore;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  openBrowser?: (url: string) => Promise<void>;
  /** Called with the sign-in URL (browserOpened false: show it to the user) or the device-code instructions. */
  onUserAction?: (
    action:
      | { kind: 'url'; url: string; browserOpened: boolean }
      | { kind: 'deviceCode'; message: string; userCode: string; verificationUri: string },
  ) => void;
  lang?: () => Lang;
  timeoutMs?: number;
  /** Tests: a fixed HTTP layer instead of one built from the profile. */
  http?: HttpSend;
}

export interface M365AuthService {
  status(profile: Profile): Promise<{ signedIn: boolean; account?: string; expiresAt?: string }>;
  login(profile: Profile, signal: AbortSignal): Promise<{ signedIn: boolean; account?: string }>;
  logout(profile: Profile): Promise<void>;
}

export function createAuthService(o: AuthServiceOptions): M365AuthService {
  async function withProvider<R>(profile: Profile, fn: (t: TokenProvider) => Promise<R>): Promise<R> {
    const target = profileTokenTarget(profile);
    if (!target)
      throw new CalpumpError('input.invalid', {
        params: { field: 'profile', problem: text('problem.auth.passwordProfile', { profile: profile.name }) },
      });
    let client: HttpClient | undefined;
    let http = o.http;
    if (!http) {
      client = await profileHttpClient(profile, { secrets: o.secrets, env: o.env });
      http = httpSendFromClient(client);
    }
    try {
      return await fn(createTokenProvider(target, { secrets: o.secrets, logger: o.logger.child({ profile: profile.name }), http }));
    } finally {
      client?.close();
    }
  }

  return {
    status: (profile) =>
      withProvider(profile, async (t) => {
        const s = await t.status();
        return { signedIn: s.signedIn, account: s.account, expiresAt: s.accessTokenExpiresOn };
      }),
    login: (profile, signal) =>
      withProvider(profile, async (t) => {
        const ui: LoginUi = {
          openBrowser: o.openBrowser,
          showUrl: (url, browserOpened) => o.onUserAction?.({ kind: 'url', url, browserOpened }),
          showDeviceCode: (d) =>
            o.onUserAction?.({ kind: 'deviceCode', message: d.message, userCode: d.userCode, verificationUri: d.verificationUri }),
          timeoutMs: o.timeoutMs,
          lang: o.lang?.(),
          signal,
        };
        const s = await t.login(ui);
        return { signedIn: s.signedIn, account: s.account };
      }),
    logout: (profile) => withProvider(profile, (t) => t.logout()),
  };
}
