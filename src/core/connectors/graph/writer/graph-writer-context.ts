// The writer's way to Graph, built like the Graph connector's: net-layer HTTP (TLS, proxy), the profile's
// token provider and one GraphTransport (retry, Retry-After, 4 requests per mailbox, $batch).
import type { GraphProfile } from '../../../../shared/profile.js';
import { httpSendFromClient } from '../../../auth/net-http-send.js';
import type { HttpSend } from '../../../auth/http-send.js';
import { normaliseHost, type ProtocolFlavour } from '../../../auth/authority.js';
import { createTokenProvider, type TokenProvider } from '../../../auth/token-provider.js';
import { graphTokenTarget } from '../../../auth/token-target.js';
import type { Logger } from '../../../log/logger.js';
import { HttpClient } from '../../../net/index.js';
import { DEFAULT_FETCH_TIMEOUT_MS, type ConnectorDeps } from '../../deps.js';
import type { GraphErrorContext } from '../graph-errors.js';
import { GraphTransport } from '../transport.js';

export interface GraphWriterInternals {
  http?: HttpSend;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  protocol?: ProtocolFlavour;
  tokens?: TokenProvider;
}

export interface GraphWriterContext {
  transport: GraphTransport;
  logger: Logger;
  errorContext(operation: string, mailbox?: string, folder?: string): Promise<GraphErrorContext>;
  close(): void;
}

function appRoles(token: string): string[] | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { roles?: string[]; scp?: string };
    return payload.scp ? undefined : (payload.roles ?? []);
  } catch {
    return undefined;
  }
}

export async function openGraphWriterContext(
  profile: GraphProfile,
  deps: ConnectorDeps,
  internals: GraphWriterInternals = {},
): Promise<GraphWriterContext> {
  const graphHost = normaliseHost(profile.graphHost);
  const logger = deps.logger.child({ backend: 'graph', profile: profile.name, direction: 'write' });
  let client: HttpClient | undefined;
  let http = internals.http;
  if (!http) {
    client = await HttpClient.create({
      profileId: profile.id,
      tls: profile.tls,
      proxy: profile.proxy,
      secrets: deps.secrets,
      env: deps.env,
      timeoutMs: deps.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
      protocol: 'graph',
      limits: profile.limits,
    });
    http = httpSendFromClient(client);
  }
  const tokens =
    internals.tokens ??
    createTokenProvider(graphTokenTarget(profile), { secrets: deps.secrets, logger, http, protocol: internals.protocol });
  const transport = new GraphTransport({
    http,
    graphHost,
    token: (o) => tokens.getAccessToken(o),
    logger,
    sleep: internals.sleep,
    random: internals.random,
  });
  return {
    transport,
    logger,
    async errorContext(operation, mailbox, folder) {
      return {
        profile: profile.name,
        clientId: profile.clientId,
        graphHost,
        authorityHost: profile.authorityHost,
        operation,
        mailbox,
        folder,
        appRoles: appRoles(await tokens.getAccessToken().catch(() => '')),
      };
    },
    close: () => client?.close(),
  };
}
