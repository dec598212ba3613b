// What MSAL reads before it signs in: OpenID configuration per tenant, instance discovery, and the JWKS.
import type { SimContext } from '../http/types.js';
import { send } from '../http/respond.js';
import { simTenant } from './tenant.js';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

export function openIdConfiguration(ctx: SimContext, tenantSegment: string): void {
  const t = simTenant(ctx.world);
  const b = `${ctx.baseUrl}/${tenantSegment}`;
  send(
    ctx.res,
    200,
    JSON.stringify({
      token_endpoint: `${b}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${b}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${ctx.baseUrl}/${t.tenantId}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${ctx.baseUrl}/oidc/userinfo`,
      authorization_endpoint: `${b}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${b}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${b}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'email'],
      kerberos_endpoint: `${b}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: new URL(ctx.baseUrl).host,
      cloud_graph_host_name: new URL(ctx.baseUrl).host,
      msgraph_host: new URL(ctx.baseUrl).host,
    }),
    JSON_HEADERS,
  );
}

export function instanceDiscovery(ctx: SimContext): void {
  const host = new URL(ctx.baseUrl).host;
  send(
    ctx.res,
    200,
    JSON.stringify({
      tenant_discovery_endpoint: `${ctx.baseUrl}/${simTenant(ctx.world).tenantId}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
    JSON_HEADERS,
  );
}

export function jwks(ctx: SimContext): void {
  const t = simTenant(ctx.world);
  const jwk = t.publicKey.export({ format: 'jwk' });
  send(
    ctx.res,
    200,
    JSON.stringify({
      keys: [{ kty: 'RSA', use: 'sig', kid: t.kid, x5t: t.kid, n: jwk.n, e: jwk.e, issuer: `${ctx.baseUrl}/${t.tenantId}/v2.0` }],
    }),
    JSON_HEADERS,
  );
}
