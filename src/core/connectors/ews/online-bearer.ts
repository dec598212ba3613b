// Legacy "EWS on Microsoft 365" for the EWS connector: the app-only bearer from core/auth, fetching its tokens
// through the connector's own HTTP sender (same proxy and TLS trust as the EWS calls themselves).
import { createEwsBearer, EWS_ONLINE_RETIREMENT } from '../../auth/ews-bearer.js';
import { httpSendFromClient } from '../../auth/net-http-send.js';
import type { Logger } from '../../log/logger.js';
import type { EwsProfile } from '../../../shared/profile.js';
import type { ConnectorDeps } from '../deps.js';
import type { BearerAuth } from './transport/ews-transport.js';
import type { HttpSender } from './transport/http-sender.js';

export const LEGACY_ONLINE_AUTH_LABEL = `OAuth (legacy EWS on Microsoft 365, retiring ${EWS_ONLINE_RETIREMENT})`;

/** Creates the bearer (which logs auth.ewsOnline.retiring): call once per connector so the warning is logged once. */
export function onlineBearer(profile: EwsProfile, deps: ConnectorDeps, sender: HttpSender, logger: Logger): BearerAuth {
  const bearer = createEwsBearer(profile, { secrets: deps.secrets, logger, http: httpSendFromClient(sender) });
  return {
    headers: (mailbox, opts) => bearer.headers(mailbox, opts),
    // An app-only token has no mailbox of its own; route mailbox-less calls by the profile's test or service account.
    fallbackMailbox:
      profile.testMailbox ?? (profile.username.includes('@') ? profile.username : (profile.autodiscoverEmail ?? profile.username)),
  };
}
