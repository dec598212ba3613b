// An EwsSession for the writer, built from the same blocks as the EWS connector (net HttpClient for TLS and
// proxy, EwsTransport for auth/retry/recording, autodiscover) so writes behave exactly like reads.
import type { EwsProfile } from '../../../../shared/profile.js';
import { HttpClient } from '../../../net/http-client.js';
import type { ConnectorDeps } from '../../deps.js';
import { discoverEwsUrl } from '../autodiscover/discover-ews-url.js';
import { effectiveAccess, profileBearer } from '../online-bearer.js';
import type { EwsSession } from '../session.js';
import { EwsTransport, type RequestRecorder } from '../transport/ews-transport.js';
import type { HttpSender } from '../transport/http-sender.js';
import { profileAuth, type KerberosSeams } from '../transport/profile-auth.js';
import type { RetryPolicy } from '../transport/retry-policy.js';
import type { ServerWaits } from '../../../net/server-wait.js';
import { profileHttpClient } from '../../profile-http-client.js';

export interface EwsWriterOptions extends KerberosSeams {
  recorder?: RequestRecorder;
  http?: HttpSender;
  sleep?: (ms: number) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  autodiscoverBase?: string;
  /** The writer's wait channel, handed to its transport. */
  waits?: ServerWaits;
}

export interface OpenedSession {
  session: EwsSession;
  close(): void;
}

export async function openWriterSession(profile: EwsProfile, deps: ConnectorDeps, options: EwsWriterOptions = {}): Promise<OpenedSession> {
  const http = options.http ?? (await profileHttpClient(profile, deps));
  const logger = deps.logger.child({ profile: profile.name, backend: 'ews', direction: 'write' });
  // OAuth (legacy EWS on Microsoft 365, or on-premises): the bearer instead of Basic/NTLM; app-only impersonates.
  const bearer = profileBearer(profile, deps, http, logger);
  const transport = new EwsTransport({
    bearer,
    http,
    ...profileAuth(profile, deps, options),
    logger,
    waits: options.waits,
    recorder: options.recorder,
    sleep: options.sleep,
    retry: options.retry,
  });
  let url = profile.url;
  if (profile.autodiscoverEmail) {
    try {
      url = (await discoverEwsUrl(transport, profile.autodiscoverEmail, { base: options.autodiscoverBase })).ewsUrl;
    } catch (e) {
      if (!profile.url) throw e;
    }
  }
  const session: EwsSession = {
    transport,
    url: url!,
    version: profile.exchangeVersion ?? 'Exchange2013',
    username: profile.username,
    access: effectiveAccess(profile, bearer),
    fallbackZone: profile.timeZone,
    logger,
    appOnlyAnchor: bearer?.appOnly ? bearer.fallbackMailbox : undefined,
  };
  return {
    session,
    close: () => {
      transport.close();
      if (http instanceof HttpClient) http.close();
    },
  };
}
