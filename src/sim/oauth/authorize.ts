// /{tenant}/oauth2/v2.0/authorize (GET shows the sign-in form, POST checks it and redirects back with a code
// or an error) and the device-code endpoints. Public clients must send a PKCE S256 challenge; redirect URIs
// must be loopback (http://localhost or 127.0.0.1, any port), as for "Mobile and desktop applications".
import { randomBytes } from 'node:crypto';
import type { SimContext } from '../http/types.js';
import { send } from '../http/respond.js';
import { aad, sendAadError } from './errors.js';
import { deviceCodePage, errorPage, signInPage } from './login-pages.js';
import { simTenant } from './tenant.js';
import { checkPassword, delegatedBlock } from './token-endpoint.js';

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//i;

function redirectWith(ctx: SimContext, redirectUri: string, params: Record<string, string>): void {
  const u = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  send(ctx.res, 302, '', { Location: u.href });
}

export async function authorize(ctx: SimContext, tenantSegment: string): Promise<void> {
  const t = simTenant(ctx.world);
  const params = ctx.req.method === 'POST' ? new URLSearchParams(ctx.body.toString('utf8')) : ctx.url.searchParams;
  const clientId = params.get('client_id') ?? '';
  const app = t.apps.get(clientId);
  if (!app) {
    const e = aad.unknownApp(clientId, tenantSegment);
    return send(ctx.res, 400, errorPage(e.code, e.text), HTML);
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!LOOPBACK.test(redirectUri)) {
    const e = aad.redirectMismatch(clientId);
    return send(ctx.res, 400, errorPage(e.code, e.text), HTML);
  }
  const state = params.get('state') ?? '';
  const back = (p: Record<string, string>) => redirectWith(ctx, redirectUri, state ? { ...p, state } : p);
  if (params.get('response_type') !== 'code')
    return back({ error: 'unsupported_response_type', error_description: 'AADSTS70005: response_type must be code.' });
  if (app.publicClient && (!params.get('code_challenge') || params.get('code_challenge_method') !== 'S256')) {
    return back({
      error: 'invalid_request',
      error_description: 'AADSTS9002325: Proof Key for Code Exchange (S256) is required for this client.',
    });
  }
  const hidden: Record<string, string> = {};
  for (const k of [
    'client_id',
    'redirect_uri',
    'response_type',
    'scope',
    'state',
    'code_challenge',
    'code_challenge_method',
    'nonce',
    'response_mode',
  ]) {
    const v = params.get(k);
    if (v !== null) hidden[k] = v;
  }
  if (ctx.req.method !== 'POST') {
    return send(
      ctx.res,
      200,
      signInPage(ctx.url.pathname, hidden, { appName: app.displayName, loginHint: params.get('login_hint') ?? undefined }),
      HTML,
    );
  }
  const user = checkPassword(ctx, params.get('login'), params.get('passwd'));
  if (!user) {
    const e = aad.badPassword();
    return send(
      ctx.res,
      200,
      signInPage(ctx.url.pathname, hidden, { appName: app.displayName, error: `AADSTS${e.code}: ${e.text}` }),
      HTML,
    );
  }
  const block = delegatedBlock(app, user);
  if (block) {
    const error = block.code === 65001 ? 'consent_required' : 'access_denied';
    return back({ error, error_description: `AADSTS${block.code}: ${block.text}`, error_codes: String(block.code) });
  }
  const code = randomBytes(32).toString('base64url');
  t.codes.set(code, {
    clientId,
    redirectUri,
    codeChallenge: params.get('code_challenge') ?? undefined,
    codeChallengeMethod: params.get('code_challenge_method') ?? undefined,
    scope: params.get('scope') ?? '',
    user: user.upn,
    nonce: params.get('nonce') ?? undefined,
    expiresMs: Date.now() + 10 * 60_000,
  });
  back({ code, session_state: randomBytes(8).toString('hex') });
}

export async function deviceCode(ctx: SimContext, tenantSegment: string): Promise<void> {
  const t = simTenant(ctx.world);
  const form = new URLSearchParams(ctx.body.toString('utf8'));
  const clientId = form.get('client_id') ?? '';
  const app = t.apps.get(clientId);
  if (!app) return sendAadError(ctx.res, aad.unknownApp(clientId, tenantSegment), ctx.baseUrl);
  const code = randomBytes(32).toString('base64url');
  const userCode = randomBytes(5).toString('hex').toUpperCase().slice(0, 9);
  t.deviceCodes.set(code, { clientId, scope: form.get('scope') ?? '', userCode, expiresMs: Date.now() + 900_000 });
  const verificationUri = `${ctx.baseUrl}/common/oauth2/deviceauth`;
  send(
    ctx.res,
    200,
    JSON.stringify({
      user_code: userCode,
      device_code: code,
      verification_uri: verificationUri,
      expires_in: 900,
      interval: 1,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
    }),
    { 'Content-Type': 'application/json; charset=utf-8' },
  );
}

export async function deviceAuthPage(ctx: SimContext): Promise<void> {
  if (ctx.req.method !== 'POST') return send(ctx.res, 200, deviceCodePage(ctx.url.pathname, {}), HTML);
  const t = simTenant(ctx.world);
  const form = new URLSearchParams(ctx.body.toString('utf8'));
  const entry = [...t.deviceCodes.values()].find(
    (d) => d.userCode === (form.get('otc') ?? '').trim().toUpperCase() && d.expiresMs > Date.now(),
  );
  if (!entry)
    return send(ctx.res, 200, deviceCodePage(ctx.url.pathname, { error: "That code didn't work. Check the code and try again." }), HTML);
  const user = checkPassword(ctx, form.get('login'), form.get('passwd'));
  if (!user) return send(ctx.res, 200, deviceCodePage(ctx.url.pathname, { error: `AADSTS50126: ${aad.badPassword().text}` }), HTML);
  entry.user = user.upn;
  send(ctx.res, 200, deviceCodePage(ctx.url.pathname, { done: true }), HTML);
}
