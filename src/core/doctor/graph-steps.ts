// The Microsoft 365 half of the doctor: the sign-in authority answers, a token is issued (AADSTS codes
// decoded by the auth layer), the token carries the permissions Calpump needs, the mailbox is readable (a 403
// from an application access policy / RBAC for Applications is named as such), and one day of calendar view.
import type { GraphProfile } from '../../shared/profile.js';
import { authErrorFromServer, type AuthErrorContext } from '../auth/auth-errors.js';
import { authorityUrl, normaliseHost } from '../auth/authority.js';
import { httpSendFromClient } from '../auth/net-http-send.js';
import { createTokenProvider } from '../auth/token-provider.js';
import { graphTokenTarget } from '../auth/token-target.js';
import type { Logger } from '../log/logger.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { HttpClient, HttpResponse } from '../net/http-client.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { calendarViewFinding } from './findings.js';
import type { NetworkContext } from './network-steps.js';
import { readTokenClaims, tokenPermissionGap } from './probes/token-claims.js';
import type { StepSpec } from './runner.js';
import type { StepId } from './step-titles.js';
import { profileHttpClient } from '../connectors/profile-http-client.js';

export interface GraphContext extends NetworkContext {
  profile: GraphProfile;
  mailbox?: string;
  logger: Logger;
  client?: HttpClient;
  token?: string;
  day: Date;
  /** Contacts or tasks the profile's jobs export: their read permissions are checked as well. */
  contents?: Array<'contacts' | 'tasks'>;
}

async function client(ctx: GraphContext): Promise<HttpClient> {
  ctx.client ??= await profileHttpClient(
    ctx.profile,
    { secrets: ctx.secrets, env: ctx.env, fetchTimeoutMs: ctx.timeoutMs },
    { tls: ctx.tls, proxy: ctx.proxy },
  );
  return ctx.client;
}

function authContext(p: GraphProfile): AuthErrorContext {
  return {
    profile: p.name,
    clientId: p.clientId,
    tenantId: p.tenantId,
    authorityHost: p.authorityHost,
    username: p.username,
    flow: p.flow,
  };
}

function jsonOf(res: HttpResponse): Record<string, unknown> | undefined {
  try {
    return JSON.parse(res.body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Graph's error body: { error: { code, message } }. */
function graphError(res: HttpResponse): { code: string; message: string } {
  const e = (jsonOf(res)?.error ?? {}) as { code?: string; message?: string };
  return { code: e.code ?? `HTTP ${res.status}`, message: (e.message ?? '').slice(0, 300) };
}

function graphFailure(ctx: GraphContext, res: HttpResponse, operation: string): CalpumpError {
  const p = ctx.profile;
  const { code, message } = graphError(res);
  const evidence = `HTTP ${res.status} ${code}${message ? `: ${message}` : ''}`;
  const mailbox = ctx.mailbox ?? '?';
  // Exchange answers ErrorAccessDenied when a policy scopes the app out; Entra's own 403 is a missing permission.
  if (res.status === 403 && code === 'ErrorAccessDenied')
    return new CalpumpError('graph.mailbox.accessDenied', { params: { mailbox, clientId: p.clientId }, evidence });
  if (res.status === 403)
    return new CalpumpError('graph.permission.missing', {
      params: { code, operation, clientId: p.clientId, permission: 'Calendars.Read' },
      evidence,
    });
  if (res.status === 404) return new CalpumpError('graph.mailbox.notFound', { params: { mailbox, code }, evidence });
  if (res.status === 401) {
    return new CalpumpError('graph.token.invalid', {
      params: { code, description: message, graphHost: p.graphHost, authorityHost: p.authorityHost, profile: p.name },
      evidence,
    });
  }
  if (res.status === 429 || res.status === 503) {
    return new CalpumpError('graph.throttled', {
      params: { operation, status: String(res.status), attempts: '1', retryAfter: String(res.headers['retry-after'] ?? '?') },
      evidence,
    });
  }
  return new CalpumpError('graph.server', { params: { operation, status: String(res.status), code, description: message }, evidence });
}

async function graphGet(ctx: GraphContext, path: string): Promise<HttpResponse> {
  const url = `${normaliseHost(ctx.profile.graphHost)}/v1.0${path}`;
  return (await client(ctx)).request({
    url,
    method: 'GET',
    headers: { Authorization: `Bearer ${ctx.token}`, Accept: 'application/json', Prefer: 'outlook.timezone="UTC"' },
  });
}

export function graphSteps(after: StepId[]): StepSpec<GraphContext>[] {
  return [
    {
      id: 'authority',
      needs: after,
      async run(ctx) {
        const p = ctx.profile;
        const url = `${authorityUrl(p.authorityHost, p.tenantId)}/v2.0/.well-known/openid-configuration`;
        const res = await (await client(ctx)).request({ url, method: 'GET', headers: { Accept: 'application/json' } });
        const body = jsonOf(res);
        if (res.status === 200 && typeof body?.token_endpoint === 'string')
          return {
            evidence: `token_endpoint: ${body.token_endpoint}`,
            detail: text('doctor.detail.authority', { endpoint: body.token_endpoint }),
          };
        if (body && typeof body.error === 'string')
          throw authErrorFromServer(authContext(p), body.error, typeof body.error_description === 'string' ? body.error_description : '');
        throw new CalpumpError('http.status', { params: { url, status: String(res.status) }, evidence: res.body.slice(0, 200) });
      },
    },
    {
      id: 'token',
      needs: ['authority'],
      async run(ctx) {
        const p = ctx.profile;
        const http = httpSendFromClient(await client(ctx));
        const tokens = createTokenProvider(graphTokenTarget(p), { secrets: ctx.secrets, logger: ctx.logger, http, now: ctx.now });
        ctx.token = await tokens.getAccessToken();
        const claims = readTokenClaims(ctx.token);
        const expires = claims?.exp ? new Date(claims.exp * 1000).toISOString() : '?';
        return {
          evidence: `flow=${p.flow}; aud=${p.graphHost}; exp=${expires}`,
          detail: text('doctor.detail.token', { host: p.graphHost, flow: p.flow, expires }),
        };
      },
    },
    {
      id: 'token.permissions',
      needs: ['token'],
      async run(ctx) {
        const p = ctx.profile;
        const claims = readTokenClaims(ctx.token!);
        // Opaque tokens (not a JWT) cannot be read here; the mailbox step then shows what Graph allows.
        if (!claims) return { detail: text('doctor.detail.tokenOpaque') };
        const gap = tokenPermissionGap(claims, p.flow === 'clientCredentials' ? 'application' : 'delegated', ctx.contents);
        const claim = gap.kind === 'application' ? 'roles' : 'scp';
        if (gap.missing.length) {
          throw new CalpumpError('doctor.graph.tokenLacksPermission', {
            params: {
              clientId: p.clientId,
              granted: gap.granted.length ? gap.granted.join(', ') : text('doctor.permission.none'),
              missing: gap.missing.join(', '),
              kind: text(`doctor.permission.${gap.kind}`),
            },
            evidence: `${claim}: ${gap.granted.join(' ') || '-'}`,
          });
        }
        return {
          evidence: `${claim}: ${gap.granted.join(', ')}`,
          data: { permissions: gap.granted.join(', ') },
        };
      },
    },
    {
      id: 'mailbox.read',
      needs: ['token.permissions'],
      async run(ctx) {
        if (!ctx.mailbox) throw new CalpumpError('doctor.noTestMailbox');
        const res = await graphGet(ctx, `/users/${encodeURIComponent(ctx.mailbox)}/calendar?$select=id,name`);
        if (res.status !== 200) throw graphFailure(ctx, res, `GET /users/${ctx.mailbox}/calendar`);
        const found = jsonOf(res)?.name;
        const name = typeof found === 'string' ? found : '?';
        return {
          evidence: `GET /users/${ctx.mailbox}/calendar: HTTP 200`,
          detail: text('doctor.detail.mailboxCalendar', { name, mailbox: ctx.mailbox }),
          data: { calendar: name },
        };
      },
    },
    {
      id: 'calendar.view',
      needs: ['mailbox.read'],
      async run(ctx) {
        const from = ctx.day.toISOString();
        const to = new Date(ctx.day.getTime() + 86_400_000).toISOString();
        const path = `/users/${encodeURIComponent(ctx.mailbox!)}/calendarView?startDateTime=${from}&endDateTime=${to}&$select=id&$top=50`;
        const res = await graphGet(ctx, path);
        if (res.status !== 200) throw graphFailure(ctx, res, 'GET calendarView');
        const items = (jsonOf(res)?.value as unknown[] | undefined) ?? [];
        return { detail: calendarViewFinding(items.length, !!jsonOf(res)?.['@odata.nextLink'], ctx.day) };
      },
    },
  ];
}
