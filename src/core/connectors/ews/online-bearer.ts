// Legacy "EWS on Microsoft 365" for the EWS connector: the app-only bearer from core/auth, fetching its tokens
// through the connector's own HTTP sender (same proxy and TLS trust as the EWS calls themselves).
import { createEwsBearer, EWS_ONLINE_RETIREMENT } from '../../auth/ews-bearer.js';
import type { HttpSend } from '../../auth/http-send.js';
import type { Logger } from '../../log/logger.js';
import type { EwsProfile } from '../../../shared/profile.js';
import type { ConnectorDeps } from '../deps.js';
import type { BearerAuth } from './transport/ews-transport.js';
import type { HttpSender } from './transport/http-sender.js';

export const LEGACY_ONLINE_AUTH_LABEL = `OAuth (legacy EWS on Microsoft 365, retiring ${EWS_ONLINE_RETIREMENT})`;

function httpSendFromSender(sender: HttpSender): HttpSend {
  return async (req) => {
    const res = await sender.request({ url: req.url, method: req.method, headers: req.headers, body: req.body });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
    }
    return { status: res.status, headers, body: res.body };
  };
}

/** Creates the bearer (which logs auth.ewsOnline.retiring): call once per connector so the warning is logged once. */
export function onlineBearer(profile: EwsProfile, deps: ConnectorDeps, sender: HttpSender, logger: Logger): BearerAuth {
  const bearer = createEwsBearer(profile, { secrets: deps.secrets, logger, http: httpSendFromSender(sender) });
  return {
    headers: (mailbox, opts) => bearer.headers(mailbox, opts),
    // An app-only token has no mailbox of its own; route mailbox-less calls by the profile's test or service account.
    fallbackMailbox: profile.testMailbox ?? (profile.username.includes('@') ? profile.username : profile.autodiscoverEmail ?? profile.username),
  };
}
