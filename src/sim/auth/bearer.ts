// OAuth bearer tokens on EWS, as Exchange Online accepts them (legacy EWS on Microsoft 365) and as on-premises
// Exchange with hybrid modern auth does (audience = an on-premises URL registered on the Exchange service
// principal, simTenant(world).exchangeOnPremUrls). Tokens come from the sim's Entra ID endpoints
// (src/sim/oauth); anything not signed by them, expired, or for another audience gets Exchange's 401 with
// x-ms-diagnostics. App-only tokens (full_access_as_app) must impersonate; delegated tokens
// (EWS.AccessAsUser.All) act as the signed-in user (on-premises also with the user's RBAC impersonation right).
import type { SimAccount } from '../world/types.js';
import type { SimWorld } from '../world/world.js';
import { findAccount } from '../world/world.js';
import { verifySimAccessToken } from '../oauth/verify.js';
import { isOnPremExchange, simTenant } from '../oauth/tenant.js';

export const EXCHANGE_AUDIENCES = [
  'https://outlook.office365.com',
  'https://outlook.office365.com/',
  'https://outlook.office.com',
  '00000002-0000-0ff1-ce00-000000000000',
];

export type BearerOutcome = { ok: true; account: SimAccount; appOnly: boolean } | { ok: false; challenge: string; diagnostics: string };

const CHALLENGE = (error: string) =>
  `Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*", token_types="app_asserting_user", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="${error}"`;

export function isBearer(header: string | undefined): boolean {
  return /^Bearer\s/i.test(header ?? '');
}

export function authenticateBearer(world: SimWorld, header: string | undefined): BearerOutcome {
  const tenant = simTenant(world);
  const audiences = [...EXCHANGE_AUDIENCES, ...[...tenant.exchangeOnPremUrls].flatMap((u) => [u, `${u}/`])];
  const check = verifySimAccessToken(world, header, audiences);
  if (!check.ok) {
    const why =
      check.reason === 'expired'
        ? '2000003;reason="The access token has expired."'
        : check.reason === 'audience'
          ? '2000003;reason="The audience claim value is invalid."'
          : '2000001;reason="The token is invalid."';
    return { ok: false, challenge: CHALLENGE('invalid_token'), diagnostics: why };
  }
  const t = check.token;
  const onPremises = isOnPremExchange(tenant, t.audience);
  if (t.upn) {
    const account = findAccount(world, t.upn);
    if (!account || !t.scopes.includes('EWS.AccessAsUser.All'))
      return { ok: false, challenge: CHALLENGE('invalid_token'), diagnostics: '2000008;reason="The token has no EWS scope."' };
    return { ok: true, account: onPremises ? account : { ...account, canImpersonate: false }, appOnly: false };
  }
  const canImpersonate = t.roles.includes('full_access_as_app');
  return {
    ok: true,
    appOnly: true,
    account: {
      upn: `app:${t.clientId}`,
      samAccountName: t.clientId,
      domain: world.netbios,
      password: '',
      displayName: t.clientId,
      canImpersonate,
      sid: '',
      enabled: true,
    },
  };
}
