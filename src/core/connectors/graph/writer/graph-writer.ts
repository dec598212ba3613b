// The Microsoft Graph backend of CalendarWriter: POST/PATCH/DELETE /users/{id}/…/events as JSON $batch
// members (20 per request, throttled members retried by the transport), listOwned by $filter on Calpump's
// extended property. PATCH carries If-Match when asked to refuse a stale write (412 → write.conflict).
import type { GraphProfile } from '../../../../shared/profile.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { ConnectorDeps } from '../../deps.js';
import { checkOk, graphFailure } from '../graph-errors.js';
import { BATCH_LIMIT, type BatchMember, type BatchMemberResult } from '../transport.js';
import type { CalendarWriter, ListOwnedOptions, OwnedItem, WriteOutcome, WriteRequest } from '../../writer.js';
import { eventBody, ownedFromGraph, tagPropertyId, type TaggedGraphEvent } from './event-body.js';
import { openGraphWriterContext, type GraphWriterContext, type GraphWriterInternals } from './graph-writer-context.js';
import { ServerWaits } from '../../../net/server-wait.js';

const PREFER_UTC = 'outlook.timezone="UTC"';
const SELECT =
  'subject,start,end,isAllDay,showAs,sensitivity,categories,location,isReminderOn,reminderMinutesBeforeStart,lastModifiedDateTime,changeKey,originalStartTimeZone';
const seg = encodeURIComponent;
const q = (s: string) => s.replace(/'/g, "''");

/** Members the transport's $batch carries; its type names only GET/POST, the wire takes any method. */
type WriteMember = Omit<BatchMember, 'method'> & { method: 'POST' | 'PATCH' | 'DELETE' };

function eventsPath(mailbox: string, folder: string): string {
  return folder.toLowerCase() === 'calendar'
    ? `/users/${seg(mailbox)}/calendar/events`
    : `/users/${seg(mailbox)}/calendars/${seg(folder)}/events`;
}

export class GraphCalendarWriter implements CalendarWriter {
  readonly kind = 'graph' as const;
  readonly maxBatch = BATCH_LIMIT;
  readonly serverWaits = new ServerWaits();
  private ctx?: Promise<GraphWriterContext>;

  constructor(
    private readonly profile: GraphProfile,
    private readonly deps: ConnectorDeps,
    private readonly internals: GraphWriterInternals = {},
  ) {}

  private context(): Promise<GraphWriterContext> {
    this.ctx ??= openGraphWriterContext(this.profile, this.deps, { ...this.internals, waits: this.serverWaits });
    this.ctx.catch(() => (this.ctx = undefined));
    return this.ctx;
  }

  async listOwned(mailbox: string, folder: string, opts: ListOwnedOptions = {}): Promise<OwnedItem[]> {
    const ctx = await this.context();
    const clauses = [
      opts.scope
        ? `singleValueExtendedProperties/Any(ep: ep/id eq '${tagPropertyId('scope')}' and ep/value eq '${q(opts.scope)}')`
        : `singleValueExtendedProperties/Any(ep: ep/id eq '${tagPropertyId('sourceKey')}')`,
    ];
    const t = (d: Date) => d.toISOString().slice(0, 19);
    if (opts.to) clauses.push(`start/dateTime lt '${t(opts.to)}'`);
    if (opts.from) clauses.push(`end/dateTime gt '${t(opts.from)}'`);
    const expand = `singleValueExtendedProperties($filter=${(['sourceKey', 'scope', 'hash'] as const).map((n) => `id eq '${tagPropertyId(n)}'`).join(' or ')})`;
    let url: string | undefined =
      `${eventsPath(mailbox, folder)}?$filter=${seg(clauses.join(' and '))}&$expand=${seg(expand)}&$select=${SELECT}&$top=250`;
    const out: OwnedItem[] = [];
    while (url) {
      const res = await ctx.transport.send({ method: 'GET', url, headers: { Prefer: PREFER_UTC }, operation: 'events', mailbox });
      const page = checkOk(res, await ctx.errorContext('events', mailbox, folder)) as {
        value?: TaggedGraphEvent[];
        '@odata.nextLink'?: string;
      };
      for (const e of page.value ?? []) {
        const owned = ownedFromGraph(e);
        if (owned) out.push(owned);
      }
      url = page['@odata.nextLink'];
    }
    return out;
  }

  async upsert(mailbox: string, folder: string, requests: WriteRequest[]): Promise<WriteOutcome[]> {
    const members: WriteMember[] = requests.map((r, i) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Prefer: PREFER_UTC };
      if (r.existing && r.ifUnchanged && r.existing.changeKey) headers['If-Match'] = `W/"${r.existing.changeKey}"`;
      return r.existing
        ? { id: String(i), method: 'PATCH', url: `/users/${seg(mailbox)}/events/${seg(r.existing.id)}`, headers, body: eventBody(r) }
        : { id: String(i), method: 'POST', url: eventsPath(mailbox, folder), headers, body: eventBody(r) };
    });
    const labels = requests.map((r) => r.tag?.sourceKey ?? r.existing?.id ?? r.appointment.subject);
    return this.run(
      mailbox,
      folder,
      members,
      labels,
      requests.map((r) => (r.existing ? 'update' : 'create')),
    );
  }

  async delete(mailbox: string, ids: string[], opts: { permanent?: boolean } = {}): Promise<WriteOutcome[]> {
    // DELETE moves to Deleted Items; permanentDelete (write checks) leaves nothing behind.
    const members: WriteMember[] = ids.map((id, i) =>
      opts.permanent
        ? { id: String(i), method: 'POST', url: `/users/${seg(mailbox)}/events/${seg(id)}/permanentDelete` }
        : { id: String(i), method: 'DELETE', url: `/users/${seg(mailbox)}/events/${seg(id)}` },
    );
    const out = await this.run(
      mailbox,
      undefined,
      members,
      ids,
      ids.map(() => 'delete'),
    );
    return out.map((o, i) => ({ ...o, id: o.id ?? ids[i] }));
  }

  private async run(
    mailbox: string,
    folder: string | undefined,
    members: WriteMember[],
    labels: string[],
    actions: WriteOutcome['action'][],
  ): Promise<WriteOutcome[]> {
    if (!members.length) return [];
    const ctx = await this.context();
    let results: BatchMemberResult[];
    try {
      results = await ctx.transport.batch(members as unknown as BatchMember[], 'events', mailbox);
    } catch (e) {
      const error = e instanceof CalpumpError ? e : new CalpumpError('internal.unexpected', { params: { text: String(e) }, cause: e });
      return actions.map((action) => ({ action, ok: false, error }));
    }
    return Promise.all(
      results.map(async (r, i) => {
        const action = actions[i];
        const body = r.body as { id?: string; changeKey?: string } | undefined;
        if ((r.status >= 200 && r.status < 300) || (action === 'delete' && r.status === 404))
          return { action, ok: true, id: body?.id, changeKey: body?.changeKey };
        return { action, ok: false, error: await this.failure(ctx, r, mailbox, folder, labels[i], action) };
      }),
    );
  }

  private async failure(
    ctx: GraphWriterContext,
    r: BatchMemberResult,
    mailbox: string,
    folder: string | undefined,
    item: string,
    action: string,
  ): Promise<CalpumpError> {
    const operation = `${action}Event`;
    const errCtx = await ctx.errorContext(operation, mailbox, folder);
    const err = graphFailure(r.status, r.body, errCtx, r.headers);
    if (r.status === 412) return new CalpumpError('write.conflict', { params: { item, mailbox }, evidence: err.evidence });
    if (r.status === 403 && errCtx.appRoles && !errCtx.appRoles.includes('Calendars.ReadWrite')) {
      return new CalpumpError('graph.permission.missing', {
        params: { ...err.params, permission: 'Calendars.ReadWrite' },
        evidence: err.evidence,
      });
    }
    if (r.status === 400)
      return new CalpumpError('write.refused', {
        params: { item, mailbox, reason: err.evidence ?? `HTTP ${r.status}` },
        evidence: err.evidence,
      });
    return err;
  }

  async close(): Promise<void> {
    const ctx = this.ctx ? await this.ctx.catch(() => undefined) : undefined;
    ctx?.close();
  }
}

export function createGraphWriter(profile: GraphProfile, deps: ConnectorDeps, internals?: GraphWriterInternals): CalendarWriter {
  return new GraphCalendarWriter(profile, deps, internals);
}
