// MSAL and Entra ID failures → catalogue entries. The AADSTS number decides the entry; the evidence keeps
// the code and the first sentence of the description, never trace ids that look like secrets, and never a token.
import { CalpumpError } from '../errors/calpump-error.js';
import type { CatalogueId } from '../doctor/catalogue.js';

export interface AuthErrorContext {
  profile: string;
  clientId: string;
  tenantId: string;
  authorityHost: string;
  username?: string;
  flow?: string;
  thumbprint?: string;
}

const BY_AADSTS: Record<string, CatalogueId> = {
  '65001': 'auth.consent.missing',
  '7000215': 'auth.secret.invalid',
  '7000222': 'auth.secret.expired',
  '700027': 'auth.certificate.rejected',
  '700016': 'auth.app.notFound',
  '90002': 'auth.tenant.notFound',
  '50105': 'auth.user.notAssigned',
  '50126': 'auth.password.invalid',
  '50076': 'auth.mfaRequired',
  '50079': 'auth.mfaRequired',
  '50158': 'auth.mfaRequired',
  '70020': 'auth.deviceCode.expired',
  '500011': 'auth.resource.notRegistered',
};

/** The AADSTS number in a server message ("AADSTS7000215: Invalid client secret …"). */
export function aadstsCode(text: string | undefined): string | undefined {
  return text?.match(/AADSTS(\d{5,8})/)?.[1];
}

/** Description without MSAL's "Trace ID/Correlation ID/Timestamp" tail, and capped. */
export function shortDescription(text: string | undefined): string {
  if (!text) return '';
  const description = text.match(/Description: (.*?)( - Correlation ID:|$)/s)?.[1] ?? text;
  return description
    .replace(/\s*Trace ID:.*$/s, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

export function authErrorFromServer(
  ctx: AuthErrorContext,
  error: string,
  description: string | undefined,
  cause?: unknown,
  fallback: CatalogueId = 'auth.failed',
): CalpumpError {
  const code = aadstsCode(description) ?? aadstsCode(error);
  const params: Record<string, string> = {
    profile: ctx.profile,
    clientId: ctx.clientId,
    tenantId: ctx.tenantId,
    authorityHost: ctx.authorityHost,
    username: ctx.username ?? '',
    flow: ctx.flow ?? '',
    thumbprint: ctx.thumbprint ?? '',
    error,
    code: code ? `AADSTS${code}` : error,
    description: shortDescription(description),
  };
  let id: CatalogueId = code && BY_AADSTS[code] ? BY_AADSTS[code] : fallback;
  if (id === 'auth.failed' && (error === 'expired_token' || error === 'code_expired')) id = 'auth.deviceCode.expired';
  if (id === 'auth.failed' && error === 'invalid_grant' && /interaction|expired|revoked/i.test(description ?? ''))
    id = 'auth.loginRequired';
  const evidence = [params.code, params.description].filter(Boolean).join(': ');
  return new CalpumpError(id, { params, evidence, cause: stripCause(cause) });
}

/** Maps anything MSAL throws. Network failures from our HttpSend are CalpumpErrors already and pass through. */
export function toAuthError(e: unknown, ctx: AuthErrorContext): CalpumpError {
  if (e instanceof CalpumpError) return e;
  const err = e as { errorCode?: string; errorMessage?: string; message?: string; name?: string };
  if (err && typeof err === 'object' && typeof err.errorCode === 'string') {
    if (
      err.name === 'InteractionRequiredAuthError' ||
      err.errorCode === 'no_tokens_found' ||
      err.errorCode === 'no_account_in_silent_request'
    ) {
      return new CalpumpError('auth.loginRequired', { params: { profile: ctx.profile }, evidence: err.errorCode });
    }
    return authErrorFromServer(ctx, err.errorCode, err.errorMessage ?? err.message, e);
  }
  const text = e instanceof Error ? e.message : String(e);
  return new CalpumpError('auth.failed', {
    params: {
      ...ctx,
      username: ctx.username ?? '',
      flow: ctx.flow ?? '',
      thumbprint: ctx.thumbprint ?? '',
      code: 'client',
      description: shortDescription(text),
    },
    evidence: shortDescription(text),
  });
}

// MSAL errors can hold request bodies in their properties; keep only name and message on the cause chain.
function stripCause(cause: unknown): Error | undefined {
  if (!(cause instanceof Error)) return undefined;
  const safe = new Error(shortDescription(cause.message));
  safe.name = cause.name;
  return safe;
}
