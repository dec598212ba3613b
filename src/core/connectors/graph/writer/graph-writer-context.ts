// The writer's way to Graph, built like the Graph connector's: net-layer HTTP (TLS, proxy), the profile's
// token provider and one GraphTransport (retry, Retry-After, 4 requests per mailbox, $batch).
import type { GraphProfile } from '../../../../shared/profile.js';
import type { Logger } from '../../../log/logger.js';
import type { ConnectorDeps } from '../../deps.js';
import type { GraphErrorContext } from '../graph-errors.js';
import { openGraphStack, type GraphStackInternals } from '../graph-stack.js';
import type { GraphTransport } from '../transport.js';

export type GraphWriterInternals = Omit<GraphStackInternals, 'now'>;

export interface GraphWriterContext {
  transport: GraphTransport;
  logger: Logger;
  errorContext(operation: string, mailbox?: string, folder?: string): Promise<GraphErrorContext>;
  close(): void;
}

export async function openGraphWriterContext(
  profile: GraphProfile,
  deps: ConnectorDeps,
  internals: GraphWriterInternals = {},
): Promise<GraphWriterContext> {
  const logger = deps.logger.child({ backend: 'graph', profile: profile.name, direction: 'write' });
  const { transport, httpClient, errorContext } = await openGraphStack(profile, deps, logger, internals);
  return {
    transport,
    logger,
    errorContext: (operation, mailbox, folder) => errorContext({ operation, mailbox, folder }),
    close: () => httpClient?.close(),
  };
}
