// OAuth bearers for the EWS connector — legacy "EWS on Microsoft 365" and OAuth on-premises (hybrid modern
// auth / AD FS) — from core/auth, fetching their tokens through the connector's own HTTP sender (same proxy and
// TLS trust as the EWS calls themselves).
import type { EwsBearer } from '../../auth/ews-bearer.js';
import { httpSendFromClient } from '../../auth/net-http-send.js';
import { EWS_ONLINE_RETIREMENT, requireEwsBearerTarget } from '../../auth/token-target.js';
import type { Logger } from '../../log/logger.js';
import type { EwsProfile } from '../../../shared/profile.js';
import type { ConnectorDeps } from '../deps.js';
import type { BearerAuth } from './transport/ews-transport.js';
import type { HttpSender } from './transport/http-sender.js';

export const LEGACY_ONLINE_AUTH_LABEL = `OAuth (legacy EWS on Microsoft 365, retiring ${EWS_ONLINE_RETIREMENT})`;

/** True when the profile signs in to EWS with an OAuth bearer instead of Basic/NTLM. */
export function usesBearer(profile: EwsProfile): boolean {
  return !!profile.legacyOnline || profile.auth === 'oauth';
}

/** "OAuth (legacy …)" or "OAuth on-premises (client credentials, app …)" for describe() and test steps. */
export function bearerAuthLabel(profile: EwsProfile): string {
  if (profile.legacyOnline) return LEGACY_ONLINE_AUTH_LABEL;
  const o = profile.oauth;
  return `OAuth on-premises (${o?.flow ?? '?'}, app ${o?.clientId ?? '?'})`;
}

/**
 * The bearer of a profile that signs in with OAuth (undefined for a password): its settings are checked now, and
 * the token provider (MSAL and its JWT stack, ≈ 30 ms to load) is made with the first request that needs a token,
 * so a password profile never loads it. Call once per connector: legacy online logs auth.ewsOnline.retiring when
 * the provider is made.
 */
export function profileBearer(profile: EwsProfile, deps: ConnectorDeps, sender: HttpSender, logger: Logger): BearerAuth | undefined {
  if (!usesBearer(profile)) return undefined;
  const { target } = requireEwsBearerTarget(profile);
  let bearer: Promise<EwsBearer> | undefined;
  const made = () =>
    (bearer ??= import('../../auth/ews-bearer.js').then((m) =>
      m.createEwsBearer(profile, { secrets: deps.secrets, logger, http: httpSendFromClient(sender) }),
    ));
  return {
    headers: async (mailbox, opts) => (await made()).headers(mailbox, opts),
    appOnly: target.flow === 'clientCredentials',
    // An app-only token has no mailbox of its own; route mailbox-less calls by the profile's test or service account.
    fallbackMailbox:
      profile.testMailbox ?? (profile.username.includes('@') ? profile.username : (profile.autodiscoverEmail ?? profile.username)),
  };
}

/** App-only tokens must impersonate whatever the profile says; delegated ones follow the profile's access. */
export function effectiveAccess(profile: EwsProfile, bearer: BearerAuth | undefined): EwsProfile['access'] {
  return bearer?.appOnly || profile.legacyOnline ? 'impersonation' : profile.access;
}
