// The official Microsoft Graph client for request building and response parsing, with our transport as its
// only middleware: every request goes through GraphTransport (net layer TLS/proxy, retry policy, concurrency),
// and failures leave as CalpumpErrors (wrapped in GraphClientError so the client passes them through unchanged).
import { Client, GraphClientError, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { CalpumpError } from '../../errors/calpump-error.js';
import { graphFailure, type GraphErrorContext } from './graph-errors.js';
import type { GraphTransport } from './transport.js';

// GraphClientError's constructor resets the prototype (Object.setPrototypeOf), so a subclass would lose its
// identity; the client passes any GraphClientError through untouched, so the failure rides along as a property.
type CarriedFailure = GraphClientError & { calpumpFailure: CalpumpError };

function carry(failure: CalpumpError): CarriedFailure {
  return Object.assign(new GraphClientError(failure.message), { calpumpFailure: failure });
}

const SINGULAR: Record<string, string> = {
  users: 'user',
  calendars: 'calendar',
  calendarGroups: 'calendarGroup',
  events: 'event',
  contactFolders: 'contactFolder',
  contacts: 'contact',
};
/** Delta functions by the collection they follow: calendarView, a contact folder's contacts, a To Do list's tasks. */
const DELTA_OF: Record<string, string> = { calendarView: 'calendarViewDelta', contacts: 'contactsDelta', tasks: 'todoTasksDelta' };
const KNOWN = new Set([
  'contacts',
  'contactFolders',
  'users',
  'calendarGroups',
  'calendars',
  'calendar',
  'calendarView',
  'events',
  'getSchedule',
  '$batch',
  'microsoft.graph.room',
]);

/** Mailbox, folder and operation named in a Graph URL, for concurrency keys, logs and error texts. */
export function urlFacts(url: string): { mailbox?: string; folder?: string; operation: string } {
  const path = new URL(url, 'https://x').pathname.replace(/^\/(v1\.0|beta)/i, '');
  const mailbox = /^\/users\/([^/]+)/i.exec(path)?.[1];
  const folder = /\/(?:calendars|contactFolders|todo\/lists)\/([^/]+)/i.exec(path)?.[1];
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const last = segments.at(-1) ?? '';
  const before = segments.at(-2) ?? '';
  let operation: string;
  if (last === 'delta') operation = DELTA_OF[before] ?? 'calendarViewDelta';
  else if (last === 'microsoft.graph.room') operation = 'rooms';
  else if (segments.includes('todo')) operation = last === 'tasks' ? 'todoTasks' : before === 'tasks' ? 'todoTask' : 'todoLists';
  else if (KNOWN.has(last)) operation = last;
  else operation = SINGULAR[segments.at(-2) ?? ''] ?? (last || 'root');
  return { mailbox: mailbox && decodeURIComponent(mailbox), folder: folder && decodeURIComponent(folder), operation };
}

function headerRecord(h: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (h instanceof Headers) h.forEach((v, k) => (out[k] = v));
  else if (Array.isArray(h)) for (const [k, v] of h) out[k] = v!;
  else Object.assign(out, h);
  return out;
}

class TransportMiddleware implements Middleware {
  constructor(
    private readonly transport: GraphTransport,
    private readonly errorContext: (facts: ReturnType<typeof urlFacts>) => Promise<GraphErrorContext>,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const facts = urlFacts(url);
    const method = (context.options?.method ?? 'GET').toUpperCase() as 'GET' | 'POST';
    const headers = headerRecord(context.options?.headers);
    delete headers['Content-Type'];
    const body = typeof context.options?.body === 'string' ? context.options.body : undefined;
    let res;
    try {
      res = await this.transport.send({ method, url, headers, body, operation: facts.operation, mailbox: facts.mailbox });
    } catch (e) {
      throw carry(e as CalpumpError);
    }
    if (res.status >= 400) throw carry(graphFailure(res.status, res.body, await this.errorContext(facts), res.headers));
    context.response = new Response(res.status === 204 ? null : res.body, { status: res.status, headers: res.headers });
  }
}

export function createGraphClient(
  transport: GraphTransport,
  graphHost: string,
  errorContext: (facts: ReturnType<typeof urlFacts>) => Promise<GraphErrorContext>,
): Client {
  return Client.initWithMiddleware({
    middleware: new TransportMiddleware(transport, errorContext),
    baseUrl: graphHost.replace(/\/+$/, ''),
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(graphHost).host]),
  });
}

/** Unwraps what the Graph client threw into the CalpumpError our middleware put there. */
export function unwrapGraphError(e: unknown): unknown {
  return e instanceof GraphClientError && 'calpumpFailure' in e ? (e as CarriedFailure).calpumpFailure : e;
}
