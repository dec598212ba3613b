// The way to Graph that the connector and the writer both build: net-layer HTTP (TLS, proxy, limits), the
// profile's token provider, one GraphTransport (retry, Retry-After, per-mailbox limit, $batch), and the facts
// an error explanation needs (which app roles the token carries).
import type { GraphProfile } from '../../../shared/profile.js';
import { normaliseHost, type ProtocolFlavour } from '../../auth/authority.js';
import type { HttpSend } from '../../auth/http-send.js';
import { httpSendFromClient } from '../../auth/net-http-send.js';
import { createTokenProvider, type TokenProvider } from '../../auth/token-provider.js';
import { graphTokenTarget } from '../../auth/token-target.js';
import type { Logger } from '../../log/logger.js';
import type { HttpClient } from '../../net/index.js';
import type { ConnectorDeps } from '../deps.js';
import { profileHttpClient } from '../profile-http-client.js';
import type { GraphErrorContext } from './graph-errors.js';
import { GraphTransport } from './transport.js';
import type { ServerWaits } from '../../net/server-wait.js';

/** Test seams: a fake clock/sleep for throttling tests, a fake HTTP layer or token provider. */
export interface GraphStackInternals {
  http?: HttpSend;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  protocol?: ProtocolFlavour;
  tokens?: TokenProvider;
  /** The connector's or writer's wait channel, handed to the transport. */
  waits?: ServerWaits;
}

export interface GraphErrorFacts {
  operation: string;
  mailbox?: string;
  folder?: string;
}

export interface GraphStack {
  graphHost: string;
  /** The net layer's client, when this stack made one (absent with an injected HTTP layer). */
  httpClient?: HttpClient;
  tokens: TokenProvider;
  transport: GraphTransport;
  errorContext: (facts: GraphErrorFacts) => Promise<GraphErrorContext>;
}

/** The application roles of an app-only token (undefined for a delegated token or one that is not a JWT). */
function appRoles(token: string): string[] | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { roles?: string[]; scp?: string };
    return payload.scp ? undefined : (payload.roles ?? []);
  } catch {
    return undefined;
  }
}

export async function openGraphStack(
  profile: GraphProfile,
  deps: ConnectorDeps,
  logger: Logger,
  internals: GraphStackInternals = {},
): Promise<GraphStack> {
  const graphHost = normaliseHost(profile.graphHost);
  let httpClient: HttpClient | undefined;
  let http = internals.http;
  if (!http) {
    httpClient = await profileHttpClient(profile, deps);
    http = httpSendFromClient(httpClient);
  }
  const tokens =
    internals.tokens ??
    createTokenProvider(graphTokenTarget(profile), { secrets: deps.secrets, logger, http, protocol: internals.protocol });
  const now = internals.now;
  const transport = new GraphTransport({
    http,
    graphHost,
    token: (o) => tokens.getAccessToken(o),
    logger,
    waits: internals.waits,
    sleep: internals.sleep,
    random: internals.random,
    now: now ? () => now().getTime() : undefined,
  });
  return {
    graphHost,
    httpClient,
    tokens,
    transport,
    errorContext: async (facts) => ({
      profile: profile.name,
      clientId: profile.clientId,
      graphHost,
      authorityHost: profile.authorityHost,
      operation: facts.operation,
      mailbox: facts.mailbox,
      folder: facts.folder,
      appRoles: appRoles(await tokens.getAccessToken().catch(() => '')),
    }),
  };
}
