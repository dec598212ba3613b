// What every Graph operation gets: the Graph client (through our transport), the transport itself for $batch,
// error context, and the series-iCalUId cache shared by calendarView and delta.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { GraphProfile } from '../../../shared/profile.js';
import type { Logger } from '../../log/logger.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import { toCalpumpError } from '../../errors/calpump-error.js';
import { unwrapGraphError, urlFacts } from './graph-client.js';
import { graphFailure, invalidResponse, type GraphErrorContext } from './graph-errors.js';
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

/**
 * A GET of a JSON page straight through the transport, for the reads that carry items (calendarView pages): the
 * same answer and the same errors as graphGet, without the client's Response object and its second decoding —
 * the body is parsed once, its depth checked on the parsed value. A 2xx body that is not JSON (a proxy's page) is
 * graph.response.invalid, never an empty page.
 */
export async function graphRead<T>(ctx: GraphContext, url: string, headers: Record<string, string> = {}): Promise<T> {
  const facts = urlFacts(url);
  let res;
  try {
    res = await ctx.transport.sendJson({ method: 'GET', url, headers, operation: facts.operation, mailbox: facts.mailbox });
  } catch (e) {
    throw toCalpumpError(e);
  }
  if (res.status < 200 || res.status >= 300) throw graphFailure(res.status, res.body, await ctx.errorContext(facts), res.headers);
  if (res.json !== undefined) return res.json as T;
  if (!res.body) return {} as T;
  throw invalidResponse(
    await ctx.errorContext(facts),
    text('problem.graph.notJson', { status: res.status, bytes: res.body.length }),
    `HTTP ${res.status}, ${res.body.length} bytes`,
  );
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
