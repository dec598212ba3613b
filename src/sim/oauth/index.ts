// OAuth v2 routes (/{tenant}/oauth2/v2.0/…, /{tenant}/v2.0/.well-known/…, /common/discovery/…).
// Owned by the Graph helper; the simulator server mounts them.
import type { SimContext, SimRoute } from '../http/types.js';
import { authorize, deviceAuthPage, deviceCode } from './authorize.js';
import { instanceDiscovery, jwks, openIdConfiguration } from './discovery.js';
import { aad, sendAadError } from './errors.js';
import { knownTenant, simTenant } from './tenant.js';
import { tokenEndpoint } from './token-endpoint.js';

export {
  simTenant,
  SIM_TENANT_ID,
  SIM_APP_DAEMON,
  SIM_APP_DAEMON_SECRET,
  SIM_APP_PUBLIC,
  SIM_APP_NO_CONSENT,
  SIM_APP_NO_CONSENT_SECRET,
  SIM_APP_ASSIGNED,
} from './tenant.js';
export type { SimTenant, SimApp } from './tenant.js';
export { verifySimAccessToken, type VerifiedToken } from './verify.js';

type Handler = (ctx: SimContext, tenant: string) => Promise<void> | void;

const TENANT_ROUTES: Array<[RegExp, string, Handler]> = [
  [/^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/i, 'OAuth:openid-configuration', openIdConfiguration],
  [/^\/([^/]+)\/discovery\/v2\.0\/keys$/i, 'OAuth:keys', (ctx) => jwks(ctx)],
  [/^\/([^/]+)\/oauth2\/v2\.0\/authorize$/i, 'OAuth:authorize', authorize],
  [/^\/([^/]+)\/oauth2\/v2\.0\/token$/i, 'OAuth:token', tokenEndpoint],
  [/^\/([^/]+)\/oauth2\/v2\.0\/devicecode$/i, 'OAuth:devicecode', deviceCode],
];

function tenantRoute(url: URL): { m: RegExpExecArray; name: string; handler: Handler } | undefined {
  for (const [re, name, handler] of TENANT_ROUTES) {
    const m = re.exec(url.pathname);
    if (m) return { m, name, handler };
  }
  return undefined;
}

export const oauthRoutes: SimRoute[] = [
  {
    match: (_req, url) => /^\/common\/discovery\/instance$/i.test(url.pathname),
    async handle(ctx) {
      ctx.counters.count('OAuth:instance');
      instanceDiscovery(ctx);
    },
  },
  {
    match: (_req, url) => /^\/common\/oauth2\/deviceauth$/i.test(url.pathname),
    async handle(ctx) {
      ctx.counters.count('OAuth:deviceauth');
      await deviceAuthPage(ctx);
    },
  },
  {
    match: (_req, url) => tenantRoute(url) !== undefined,
    async handle(ctx) {
      const r = tenantRoute(ctx.url)!;
      ctx.counters.count(r.name);
      const tenant = decodeURIComponent(r.m[1]);
      if (!knownTenant(simTenant(ctx.world), tenant)) return sendAadError(ctx.res, aad.tenantNotFound(tenant), ctx.baseUrl);
      await r.handler(ctx, tenant);
    },
  },
];
