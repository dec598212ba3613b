// What every Graph operation gets: the Graph client (through our transport), the transport itself for $batch,
// error context, and the series-iCalUId cache shared by calendarView and delta.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { GraphProfile } from '../../../shared/profile.js';
import type { Logger } from '../../log/logger.js';
import { toCalpumpError } from '../../errors/calpump-error.js';
import { unwrapGraphError, urlFacts } from './graph-client.js';
import { graphFailure, type GraphErrorContext } from './graph-errors.js';
import type { BatchMember, BatchMemberResult, GraphTransport } from './transport.js';

export interface GraphContext {
  profile: GraphProfile;
  client: Client;
  transport: GraphTransport;
  logger: Logger;
  errorContext(facts: ReturnType<typeof urlFacts>): Promise<GraphErrorContext>;
  /** master event id → the series' iCalUId */
  seriesUid: Map<string, string>;
  /** Room addresses from /places, read once per connector (listMailboxes pages reuse it). */
  rooms?: Promise<Set<string>>;
  /** Mailbox (lower case) → the id of its default To Do list, looked up once per connector. */
  todoDefault?: Map<string, Promise<string>>;
}

export const PREFER_UTC = 'outlook.timezone="UTC"';

export async function graphGet<T>(ctx: GraphContext, url: string, headers: Record<string, string> = {}): Promise<T> {
  try {
    return (await ctx.client.api(url).headers(headers).get()) as T;
  } catch (e) {
    throw toCalpumpError(unwrapGraphError(e));
  }
}

export async function graphPost<T>(ctx: GraphContext, url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  try {
    return (await ctx.client.api(url).headers(headers).post(body)) as T;
  } catch (e) {
    throw toCalpumpError(unwrapGraphError(e));
  }
}

/** $batch members, failing members turned into CalpumpErrors (returned, not thrown: callers decide). */
export async function graphBatch(
  ctx: GraphContext,
  members: BatchMember[],
  operation: string,
  mailbox?: string,
): Promise<Array<BatchMemberResult & { error?: Error }>> {
  const results = await ctx.transport.batch(members, operation, mailbox);
  return Promise.all(
    results.map(async (r) => {
      if (r.status >= 200 && r.status < 300) return r;
      const facts = urlFacts(members.find((m) => m.id === r.id)?.url ?? '/');
      return { ...r, error: graphFailure(r.status, r.body, await ctx.errorContext(facts), r.headers) };
    }),
  );
}

export const seg = (s: string) => encodeURIComponent(s);
