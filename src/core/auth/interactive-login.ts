// Interactive sign-in: authorization code with PKCE (S256) through the system browser and a loopback listener
// on the profile's registered redirect URI. Calpump owns the listener (not MSAL's) so the port is the registered
// one, `state` is checked, the browser gets a clear page, and the wait has a timeout.
import { randomBytes } from 'node:crypto';
import { CryptoProvider, type AuthenticationResult, type PublicClientApplication } from '@azure/msal-node';
import type { Lang } from '../doctor/catalogue.js';
import type { AuthErrorContext } from './auth-errors.js';
import { listenForAuthCode } from './loopback-listener.js';

export const DEFAULT_LOGIN_TIMEOUT_MS = 5 * 60_000;

export interface InteractiveLoginOptions {
  redirectUri: string;
  scopes: string[];
  loginHint?: string;
  /** 'select_account' on Entra ID; generic OpenID providers may not support it. */
  prompt?: string;
  /** Opens the system browser; a rejection means "no browser here", and the URL is shown instead. */
  openBrowser?: (url: string) => Promise<void>;
  /** Gets the sign-in URL; `browserOpened` false means the user must open it by hand. */
  showUrl?: (url: string, browserOpened: boolean) => void;
  timeoutMs?: number;
  lang?: Lang;
  errorContext: AuthErrorContext;
  /** Cancels the wait (the UI's Cancel button, app shutdown). */
  signal?: AbortSignal;
}

export async function interactiveLogin(app: PublicClientApplication, opts: InteractiveLoginOptions): Promise<AuthenticationResult> {
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const state = randomBytes(24).toString('base64url');
  const listener = await listenForAuthCode({
    redirectUri: opts.redirectUri,
    expectedState: state,
    timeoutMs: opts.timeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS,
    errorContext: opts.errorContext,
    lang: opts.lang,
  });
  const cancel = () => void listener.close();
  opts.signal?.addEventListener('abort', cancel, { once: true });
  // Cancelled while the PKCE codes were made or the port opened (a slow machine): the event has passed already.
  if (opts.signal?.aborted) cancel();
  try {
    const url = await app.getAuthCodeUrl({
      scopes: opts.scopes,
      redirectUri: opts.redirectUri,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
      state,
      responseMode: 'query',
      prompt: opts.prompt,
      loginHint: opts.loginHint,
    });
    let opened = false;
    if (opts.openBrowser) {
      opened = await opts.openBrowser(url).then(
        () => true,
        () => false,
      );
    }
    opts.showUrl?.(url, opened);
    const code = await listener.code;
    return await app.acquireTokenByCode({ code, codeVerifier: verifier, redirectUri: opts.redirectUri, scopes: opts.scopes });
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
    await listener.close();
  }
}
