// Access tokens for one TokenTarget, whatever the flow. Unattended calls use getAccessToken (cache first, then
// a silent refresh; client credentials and the legacy password flow need no user). login() runs the flow that
// needs a person (browser or device code). Errors are CalpumpErrors with the catalogue entry for the AADSTS code.
import type { AccountInfo, AuthenticationResult, ConfidentialClientApplication, PublicClientApplication } from '@azure/msal-node';
import { secretKey } from '../../shared/profile.js';
import { registerSecret } from '../log/logger.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { Lang } from '../doctor/catalogue.js';
import { authErrorFromServer, toAuthError, type AuthErrorContext } from './auth-errors.js';
import { createNetworkTrace } from './msal-network.js';
import { parseClientCertificate } from './client-certificate.js';
import { interactiveLogin } from './interactive-login.js';
import { buildConfidentialApp, buildPublicApp, type AppCredential, type AuthDeps } from './msal-apps.js';
import { readCacheSummary } from './cache-summary.js';
import type { TokenTarget } from './token-target.js';

export type { AuthDeps } from './msal-apps.js';

export interface LoginUi {
  openBrowser?: (url: string) => Promise<void>;
  showUrl?: (url: string, browserOpened: boolean) => void;
  showDeviceCode?: (info: { message: string; userCode: string; verificationUri: string; expiresInSeconds: number }) => void;
  timeoutMs?: number;
  lang?: Lang;
  signal?: AbortSignal;
}

export interface AuthStatus {
  profile: string;
  flow: TokenTarget['flow'];
  tenantId: string;
  clientId: string;
  /** Delegated flows: an account is in the token cache. Client credentials: a credential is stored. */
  signedIn: boolean;
  account?: string;
  credential?: 'secret' | 'certificate' | 'password';
  /** Expiry of the newest cached access token (never the token itself). */
  accessTokenExpiresOn?: string;
  certificateNotAfter?: string;
}

export interface TokenProvider {
  getAccessToken(opts?: { forceRefresh?: boolean }): Promise<string>;
  login(ui?: LoginUi): Promise<AuthStatus>;
  logout(): Promise<void>;
  status(): Promise<AuthStatus>;
}

export function createTokenProvider(target: TokenTarget, deps: AuthDeps): TokenProvider {
  const log = deps.logger.child({ component: 'auth', profile: target.profileName, flow: target.flow });
  const appCtx = { trace: createNetworkTrace() };
  let publicApp: PublicClientApplication | undefined;
  let confidential: { app: ConfidentialClientApplication; credential: AppCredential } | undefined;
  const errorContext = (extra: Partial<AuthErrorContext> = {}): AuthErrorContext => ({
    profile: target.profileName,
    clientId: target.clientId,
    tenantId: target.tenantId,
    authorityHost: target.authorityHost,
    username: target.username,
    flow: target.flow,
    ...extra,
  });

  async function loadCredential(): Promise<AppCredential | undefined> {
    const wantCert = target.credential !== 'secret';
    const wantSecret = target.credential !== 'certificate';
    const certPem = wantCert ? await deps.secrets.get(secretKey(target.profileId, 'certificate')) : undefined;
    if (certPem) return { kind: 'certificate', certificate: parseClientCertificate(certPem, target.profileName, deps.now?.()) };
    const secret = wantSecret ? await deps.secrets.get(secretKey(target.profileId, 'clientSecret')) : undefined;
    registerSecret(deps.logger, secret);
    if (secret) return { kind: 'secret', secret };
    return undefined;
  }

  async function confidentialApp() {
    if (confidential) return confidential;
    const credential = await loadCredential();
    if (!credential) {
      throw new CalpumpError('auth.credential.missing', {
        params: {
          profile: target.profileName,
          flow: target.flow,
          // A SecretName the catalogue text turns into words (auth.credential.missing).
          secret: target.credential === 'certificate' ? 'certificate' : 'clientSecret',
        },
      });
    }
    confidential = { app: buildConfidentialApp(target, deps, appCtx, credential), credential };
    return confidential;
  }

  const pca = () => (publicApp ??= buildPublicApp(target, deps, appCtx));

  // MSAL reports discovery failures as endpoints_resolution_error; report the cause the network client saw.
  function explain(e: unknown, ctx: AuthErrorContext) {
    const code = (e as { errorCode?: string })?.errorCode;
    const { networkError, serverError } = appCtx.trace;
    appCtx.trace.clear();
    if (code === 'endpoints_resolution_error' || code === 'openid_config_error' || code === 'network_error') {
      if (networkError) return networkError;
      if (serverError) return authErrorFromServer(ctx, serverError.error, serverError.description);
    }
    return toAuthError(e, ctx);
  }

  /** The cached account for the profile's user (any, when it names none) and how many accounts the cache holds. */
  async function cachedAccount(): Promise<{ account?: AccountInfo; cached: number }> {
    const accounts = await pca().getTokenCache().getAllAccounts();
    const wanted = target.username?.toLowerCase();
    const account = accounts.find((a) => !wanted || a.username.toLowerCase() === wanted) ?? (wanted ? undefined : accounts[0]);
    return { account, cached: accounts.length };
  }

  async function byPassword(): Promise<AuthenticationResult> {
    const password = await deps.secrets.get(secretKey(target.profileId, 'password'));
    registerSecret(deps.logger, password);
    if (!password || !target.username) {
      throw new CalpumpError('auth.credential.missing', {
        params: { profile: target.profileName, flow: 'password', secret: 'password' },
      });
    }
    // The catalogue entry auth.password.legacy explains why (MFA, retirement) and what to use instead.
    log.warn('auth.password.legacy', { profile: target.profileName });
    const result = await pca().acquireTokenByUsernamePassword({ scopes: target.scopes, username: target.username, password });
    if (!result) throw new CalpumpError('auth.loginRequired', { params: { profile: target.profileName } });
    return result;
  }

  async function acquire(forceRefresh: boolean): Promise<AuthenticationResult> {
    if (target.flow === 'clientCredentials') {
      const { app } = await confidentialApp();
      const result = await app.acquireTokenByClientCredential({ scopes: target.scopes, skipCache: forceRefresh });
      if (!result) throw new CalpumpError('auth.loginRequired', { params: { profile: target.profileName } });
      return result;
    }
    const { account, cached } = await cachedAccount();
    if (!account) {
      if (target.flow === 'password') return byPassword();
      const wanted = target.username ? `; username=${target.username}` : '';
      throw new CalpumpError('auth.loginRequired', {
        params: { profile: target.profileName },
        evidence: `cachedAccounts=${cached}${wanted}`,
      });
    }
    return pca().acquireTokenSilent({ account, scopes: target.scopes, forceRefresh });
  }

  async function status(): Promise<AuthStatus> {
    const base = { profile: target.profileName, flow: target.flow, tenantId: target.tenantId, clientId: target.clientId };
    const cache = await readCacheSummary(deps.secrets, target.profileId);
    if (target.flow === 'clientCredentials') {
      const credential = await loadCredential().catch(() => undefined);
      return {
        ...base,
        signedIn: credential !== undefined,
        credential: credential?.kind,
        certificateNotAfter: credential?.kind === 'certificate' ? credential.certificate.notAfter : undefined,
        accessTokenExpiresOn: cache.accessTokenExpiresOn,
      };
    }
    const { account } = await cachedAccount();
    return {
      ...base,
      signedIn: account !== undefined,
      account: account?.username,
      credential: target.flow === 'password' ? 'password' : undefined,
      accessTokenExpiresOn: cache.accessTokenExpiresOn,
    };
  }

  async function accessToken(forceRefresh: boolean): Promise<string> {
    appCtx.trace.clear();
    try {
      const { accessToken } = await acquire(forceRefresh);
      registerSecret(deps.logger, accessToken);
      return accessToken;
    } catch (e) {
      const err = explain(
        e,
        errorContext({
          thumbprint: confidential?.credential.kind === 'certificate' ? confidential.credential.certificate.thumbprintSha256 : undefined,
        }),
      );
      log.warn('auth.token.failed', { id: err.id, evidence: err.evidence });
      throw err;
    }
  }

  // Callers that ask at the same time (the first requests of a run, a $batch wave) share one token request.
  let inFlight: Promise<string> | undefined;

  return {
    getAccessToken(opts) {
      if (opts?.forceRefresh) return accessToken(true);
      inFlight ??= accessToken(false).finally(() => (inFlight = undefined));
      return inFlight;
    },
    async login(ui = {}) {
      try {
        if (target.flow === 'interactive') {
          await interactiveLogin(pca(), {
            redirectUri: target.redirectUri,
            scopes: target.scopes,
            loginHint: target.username,
            prompt: deps.protocol === 'OIDC' ? undefined : 'select_account',
            openBrowser: ui.openBrowser,
            showUrl: ui.showUrl,
            timeoutMs: ui.timeoutMs,
            lang: ui.lang,
            errorContext: errorContext(),
            signal: ui.signal,
          });
        } else if (target.flow === 'deviceCode') {
          const result = await pca().acquireTokenByDeviceCode({
            scopes: target.scopes,
            timeout: ui.timeoutMs ? Math.ceil(ui.timeoutMs / 1000) : undefined,
            deviceCodeCallback: (r) =>
              ui.showDeviceCode?.({
                message: r.message,
                userCode: r.userCode,
                verificationUri: r.verificationUri,
                expiresInSeconds: r.expiresIn,
              }),
          });
          if (!result) throw new CalpumpError('auth.deviceCode.expired', { params: { profile: target.profileName } });
        } else if (target.flow === 'password') {
          await byPassword();
        } else {
          await acquire(true);
        }
      } catch (e) {
        const err = explain(e, errorContext());
        log.warn('auth.login.failed', { id: err.id, evidence: err.evidence });
        throw err;
      }
      const s = await status();
      log.info('auth.login.ok', { account: s.account });
      return s;
    },
    async logout() {
      await deps.secrets.delete(secretKey(target.profileId, 'tokenCache'));
      publicApp = undefined;
      confidential = undefined;
      log.info('auth.logout', {});
    },
    status,
  };
}
