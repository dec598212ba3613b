// POST /{tenant}/oauth2/v2.0/token: client credentials, authorization code (+PKCE), refresh token, password
// (ROPC) and device code grants, with Entra ID's error answers.
import { createHash } from 'node:crypto';
import type { SimContext } from '../http/types.js';
import { send } from '../http/respond.js';
import { findAccount } from '../world/world.js';
import type { SimAccount } from '../world/types.js';
import { authenticateClient } from './client-auth.js';
import { aad, sendAadError, type AadError } from './errors.js';
import { accessToken, delegatedResponse, resourceOf } from './issue.js';
import { isOnPremExchange, originOf, simTenant, type SimApp, type SimTenant } from './tenant.js';

const WELL_KNOWN_RESOURCES = /^https:\/\/(graph\.microsoft\.com|outlook\.office365\.com|outlook\.office\.com)$/i;

/**
 * A resource only gets tokens when a service principal in the tenant has it: Microsoft Graph (also at the
 * simulator's own origin), Exchange Online, and the on-premises Exchange URLs registered for hybrid modern auth.
 */
export function resourceBlock(ctx: SimContext, t: SimTenant, scope: string): AadError | undefined {
  const resource = resourceOf(scope);
  if (!resource) return undefined;
  const origin = originOf(resource);
  if (WELL_KNOWN_RESOURCES.test(origin) || origin === originOf(ctx.baseUrl) || isOnPremExchange(t, origin)) return undefined;
  return aad.resourceNotFound(resource);
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

/** Consent and assignment checks every delegated grant makes. */
export function delegatedBlock(app: SimApp, user: SimAccount): AadError | undefined {
  if (app.delegatedScopes.length === 0) return aad.consentMissing(app.clientId, app.displayName);
  if (app.assignmentRequired && !app.assignedUsers.includes(user.upn.toLowerCase())) return aad.notAssigned(app.clientId, user.upn);
  return undefined;
}

export function checkPassword(ctx: SimContext, login: string | null, password: string | null): SimAccount | undefined {
  if (!login || !password) return undefined;
  const account = findAccount(ctx.world, login);
  return account && account.enabled && account.password === password ? account : undefined;
}

function grant(
  ctx: SimContext,
  t: SimTenant,
  app: SimApp,
  form: URLSearchParams,
  confidential: boolean,
): Record<string, unknown> | AadError {
  const type = form.get('grant_type') ?? '';
  const scope = form.get('scope') ?? '';
  const unknownResource = resourceBlock(ctx, t, scope);
  if (unknownResource) return unknownResource;
  switch (type) {
    case 'client_credentials': {
      if (!confidential) return aad.noCredential();
      const resource = resourceOf(scope);
      if (!resource || !scope.trim().endsWith('/.default')) {
        return {
          status: 400,
          error: 'invalid_scope',
          code: 1002012,
          text: `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
        };
      }
      const at = accessToken(t, { aud: resource, app, baseUrl: ctx.baseUrl });
      return { token_type: 'Bearer', expires_in: at.expiresIn, ext_expires_in: at.expiresIn, access_token: at.token };
    }
    case 'authorization_code': {
      const code = t.codes.get(form.get('code') ?? '');
      if (!code || code.clientId !== app.clientId || code.expiresMs < Date.now()) return aad.badCode();
      t.codes.delete(form.get('code')!);
      if (code.redirectUri !== form.get('redirect_uri')) return aad.redirectMismatch(app.clientId);
      if (code.codeChallenge) {
        const verifier = form.get('code_verifier') ?? '';
        const expected = code.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
        if (expected !== code.codeChallenge) return aad.badVerifier();
      }
      const user = findAccount(ctx.world, code.user)!;
      return delegatedResponse(t, { app, user, scope: code.scope, nonce: code.nonce, baseUrl: ctx.baseUrl });
    }
    case 'refresh_token': {
      const rt = t.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!rt || rt.clientId !== app.clientId) return aad.badCode();
      const user = findAccount(ctx.world, rt.user)!;
      return delegatedResponse(t, { app, user, scope: scope || rt.scope, baseUrl: ctx.baseUrl });
    }
    case 'password': {
      const user = checkPassword(ctx, form.get('username'), form.get('password'));
      if (!user) return aad.badPassword();
      if (t.mfaUsers.has(user.upn.toLowerCase())) return aad.mfa();
      const block = delegatedBlock(app, user);
      if (block) return block;
      return delegatedResponse(t, { app, user, scope, baseUrl: ctx.baseUrl });
    }
    case 'urn:ietf:params:oauth:grant-type:device_code':
    case 'device_code': {
      const key = form.get('device_code') ?? '';
      const dc = t.deviceCodes.get(key);
      if (!dc || dc.clientId !== app.clientId || dc.expiresMs < Date.now()) return aad.deviceExpired();
      if (dc.denied) return aad.deviceDeclined();
      if (!dc.user) return aad.pending();
      t.deviceCodes.delete(key);
      const user = findAccount(ctx.world, dc.user)!;
      const block = delegatedBlock(app, user);
      if (block) return block;
      return delegatedResponse(t, { app, user, scope: dc.scope, baseUrl: ctx.baseUrl });
    }
    default:
      return aad.unsupportedGrant(type);
  }
}

export async function tokenEndpoint(ctx: SimContext, tenantSegment: string): Promise<void> {
  const t = simTenant(ctx.world);
  const form = new URLSearchParams(ctx.body.toString('utf8'));
  const clientId = form.get('client_id') ?? '';
  if (!clientId) return sendAadError(ctx.res, aad.missingParam('client_id'), ctx.baseUrl);
  const app = t.apps.get(clientId);
  if (!app) return sendAadError(ctx.res, aad.unknownApp(clientId, tenantSegment), ctx.baseUrl);
  const auth = authenticateClient(app, form, `${ctx.baseUrl}${ctx.url.pathname}`);
  if (!auth.ok) return sendAadError(ctx.res, auth.error, ctx.baseUrl);
  const out = grant(ctx, t, app, form, auth.confidential);
  if ('error' in out && 'code' in out && typeof out.code === 'number') return sendAadError(ctx.res, out as AadError, ctx.baseUrl);
  send(ctx.res, 200, JSON.stringify(out), JSON_HEADERS);
}
