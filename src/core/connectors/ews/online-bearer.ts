// OAuth bearers for the EWS connector — legacy "EWS on Microsoft 365" and OAuth on-premises (hybrid modern
// auth / AD FS) — from core/auth, fetching their tokens through the connector's own HTTP sender (same proxy and
// TLS trust as the EWS calls themselves).
import { createEwsBearer, EWS_ONLINE_RETIREMENT } from '../../auth/ews-bearer.js';
import { httpSendFromClient } from '../../auth/net-http-send.js';
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
 * Creates the bearer (legacy online logs auth.ewsOnline.retiring): call once per connector so the warning is
 * logged once. Undefined for profiles that sign in with a password.
 */
export function profileBearer(profile: EwsProfile, deps: ConnectorDeps, sender: HttpSender, logger: Logger): BearerAuth | undefined {
  if (!usesBearer(profile)) return undefined;
  const bearer = createEwsBearer(profile, { secrets: deps.secrets, logger, http: httpSendFromClient(sender) });
  return {
    headers: (mailbox, opts) => bearer.headers(mailbox, opts),
    appOnly: bearer.appOnly,
    // An app-only token has no mailbox of its own; route mailbox-less calls by the profile's test or service account.
    fallbackMailbox:
      profile.testMailbox ?? (profile.username.includes('@') ? profile.username : (profile.autodiscoverEmail ?? profile.username)),
  };
}

/** App-only tokens must impersonate whatever the profile says; delegated ones follow the profile's access. */
export function effectiveAccess(profile: EwsProfile, bearer: BearerAuth | undefined): EwsProfile['access'] {
  return bearer?.appOnly || profile.legacyOnline ? 'impersonation' : profile.access;
}
