// Token responses as Entra ID v2.0 sends them: JWT access tokens signed by the tenant key (roles for app-only,
// scp for delegated), ID tokens and client_info for MSAL's account cache, opaque refresh tokens.
import { randomBytes } from 'node:crypto';
import type { SimAccount } from '../world/types.js';
import { objectId } from './identity.js';
import { signJwt } from './jwt.js';
import { isOnPremExchange, type SimApp, type SimTenant } from './tenant.js';

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/** "https://graph.microsoft.com/.default openid profile offline_access" → "https://graph.microsoft.com". */
export function resourceOf(scope: string): string | undefined {
  for (const s of scope.split(/\s+/)) {
    const m = /^(https?:\/\/[^/]+)\//i.exec(s);
    if (m) return m[1];
  }
  return undefined;
}

/** Exchange Online, or an on-premises Exchange URL registered on the Exchange service principal. */
export function isExchangeResource(t: SimTenant, aud: string): boolean {
  return /outlook\.office365\.com|outlook\.office\.com/i.test(aud) || isOnPremExchange(t, aud);
}

export function accessToken(
  t: SimTenant,
  opts: { aud: string; app: SimApp; user?: SimAccount; baseUrl: string },
): { token: string; expiresIn: number } {
  const now = Math.floor(Date.now() / 1000);
  const exchange = isExchangeResource(t, opts.aud);
  const claims: Record<string, unknown> = {
    aud: opts.aud,
    iss: `https://sts.windows.net/${t.tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + t.tokenLifetimeSeconds,
    appid: opts.app.clientId,
    azp: opts.app.clientId,
    app_displayname: opts.app.displayName,
    tid: t.tenantId,
    ver: '1.0',
    uti: randomBytes(16).toString('base64url'),
  };
  if (opts.user) {
    Object.assign(claims, {
      idtyp: 'user',
      oid: objectId(opts.user.upn),
      sub: objectId(`${opts.user.upn}|${opts.app.clientId}`),
      upn: opts.user.upn,
      unique_name: opts.user.upn,
      name: opts.user.displayName,
      scp: exchange ? 'EWS.AccessAsUser.All' : opts.app.delegatedScopes.join(' '),
    });
  } else {
    Object.assign(claims, {
      idtyp: 'app',
      oid: objectId(`app:${opts.app.clientId}`),
      sub: objectId(`app:${opts.app.clientId}`),
      roles: exchange ? (opts.app.roles.length ? ['full_access_as_app'] : []) : [...opts.app.roles],
    });
  }
  return { token: signJwt({ kid: t.kid, x5t: t.kid }, claims, t.signingKey), expiresIn: t.tokenLifetimeSeconds };
}

export function idToken(t: SimTenant, opts: { app: SimApp; user: SimAccount; nonce?: string; baseUrl: string }): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    { kid: t.kid },
    {
      aud: opts.app.clientId,
      iss: `${opts.baseUrl}/${t.tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: opts.user.displayName,
      oid: objectId(opts.user.upn),
      preferred_username: opts.user.upn,
      sub: objectId(`${opts.user.upn}|${opts.app.clientId}`),
      tid: t.tenantId,
      ver: '2.0',
      ...(opts.nonce ? { nonce: opts.nonce } : {}),
    },
    t.signingKey,
  );
}

export function delegatedResponse(
  t: SimTenant,
  opts: { app: SimApp; user: SimAccount; scope: string; nonce?: string; baseUrl: string },
): Record<string, unknown> {
  const aud = resourceOf(opts.scope) ?? 'https://graph.microsoft.com';
  const at = accessToken(t, { aud, app: opts.app, user: opts.user, baseUrl: opts.baseUrl });
  const refresh = randomBytes(32).toString('base64url');
  t.refreshTokens.set(refresh, { clientId: opts.app.clientId, user: opts.user.upn, scope: opts.scope });
  const scopes = isExchangeResource(t, aud) ? ['EWS.AccessAsUser.All'] : opts.app.delegatedScopes;
  const granted = `${aud}/${scopes.join(` ${aud}/`)}`;
  return {
    token_type: 'Bearer',
    scope: `${granted} openid profile offline_access`,
    expires_in: at.expiresIn,
    ext_expires_in: at.expiresIn,
    access_token: at.token,
    refresh_token: refresh,
    id_token: idToken(t, { app: opts.app, user: opts.user, nonce: opts.nonce, baseUrl: opts.baseUrl }),
    client_info: Buffer.from(JSON.stringify({ uid: objectId(opts.user.upn), utid: t.tenantId })).toString('base64url'),
  };
}
