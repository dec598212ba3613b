// Incremental sync with calendarView/delta. State is the deltaLink. An expired one (410 SyncStateNotFound /
// resyncRequired) means: read everything again and say so (fullResync), never silently lose changes.
// syncChangesMany runs the rounds of many folders side by side as $batch requests of 20 members (the pump's
// no-change check of 1,000 mailboxes is 50 requests, not 1,000), each member followed to its deltaLink.
import { text } from '../../../../shared/i18n/engine-texts.js';
import type { Change } from '../../../../shared/model.js';
import type { ChangeRef, SyncOptions, SyncRequest, SyncResult } from '../../connector.js';
import { CalpumpError, isCalpumpError } from '../../../errors/calpump-error.js';
import { mapBounded } from '../../../sync/bounded-pool.js';
import { graphBatch, graphRead, PREFER_UTC, type GraphContext } from '../graph-context.js';
import { graphSkipReporter, mapOrSkip, type GraphEvent } from '../map-event.js';
import { BATCH_LIMIT } from '../transport.js';
import { calendarPath } from './calendar-view.js';
import { resolveSeriesUids } from './series-uid.js';

/** Window of the first delta round: Graph's calendarView delta needs one; later rounds keep it. */
export const DELTA_DAYS_BACK = 90;
export const DELTA_DAYS_AHEAD = 365;
/** Events per delta page asked for (Prefer: odata.maxpagesize; the server may send fewer). */
export const DELTA_PAGE_SIZE = 1000;
const DELTA_HEADERS = { Prefer: `${PREFER_UTC}, odata.maxpagesize=${DELTA_PAGE_SIZE}` };

interface DeltaPage {
  value?: GraphEvent[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

function isExpired(e: unknown): boolean {
  return isCalpumpError(e) && /HTTP 410|SyncStateNotFound|resyncRequired|syncStateInvalid/i.test(e.evidence ?? '');
}

function noEndLink(ctx: GraphContext): CalpumpError {
  return new CalpumpError('graph.response.invalid', {
    params: {
      operation: 'calendarViewDelta',
      problem: text('problem.graph.noEndLink'),
      graphHost: ctx.profile.graphHost,
    },
  });
}

/** One folder's delta round: where it stands, what it has seen so far, and how it ended. */
class Round {
  url: string;
  readonly refs: ChangeRef[] = [];
  readonly changes: Change[] = [];
  fullResync = false;
  result?: SyncResult;
  error?: Error;

  constructor(
    private readonly ctx: GraphContext,
    readonly mailbox: string,
    /** The first request of a full round; a function when finding it costs a request (a To Do list lookup). */
    private readonly first: string | (() => Promise<string>),
    private readonly state: string | undefined,
    private readonly opts: SyncOptions,
  ) {
    this.url = state ?? (typeof first === 'string' ? first : '');
  }

  /** The URL to read next (the first request's, found now if it had to wait). */
  async next(): Promise<string> {
    if (!this.url && typeof this.first !== 'string') this.url = await this.first();
    return this.url;
  }

  private get initial(): boolean {
    return !this.state || this.fullResync;
  }

  get done(): boolean {
    return !!this.result || this.error !== undefined;
  }

  /** Takes in one page; true when the round has ended. */
  async page(page: DeltaPage): Promise<void> {
    const items = page.value ?? [];
    if (this.opts.idsOnly) {
      for (const e of items) this.refs.push({ kind: e['@removed'] ? 'delete' : this.initial ? 'create' : 'update', id: e.id });
    } else {
      await resolveSeriesUids(
        this.ctx,
        this.mailbox,
        items.filter((e) => !e['@removed']),
      );
      const mapping = { mailbox: this.mailbox, skip: graphSkipReporter(this.ctx, this.opts.onItemSkipped) };
      for (const e of items) {
        if (e['@removed']) {
          this.changes.push({ kind: 'delete', id: e.id });
          continue;
        }
        const event = mapOrSkip(e, e.seriesMasterId ? this.ctx.seriesUid.get(e.seriesMasterId) : undefined, mapping);
        if (event) this.changes.push({ kind: this.initial ? 'create' : 'update', event });
      }
    }
    const deltaLink = page['@odata.deltaLink'];
    if (deltaLink) {
      this.result = {
        changes: this.changes,
        changeIds: this.opts.idsOnly ? this.refs : undefined,
        nextState: deltaLink,
        fullResync: this.fullResync || undefined,
      };
    } else if (page['@odata.nextLink']) this.url = page['@odata.nextLink'];
    else this.error = noEndLink(this.ctx);
  }

  /** A failed page: an expired state starts over with a full round (once); anything else ends the round. */
  failed(e: unknown): void {
    if (this.state && !this.fullResync && isExpired(e)) {
      this.ctx.logger.warn('graph.delta.expired', { mailbox: this.mailbox });
      this.fullResync = true;
      this.refs.length = 0;
      this.changes.length = 0;
      this.url = typeof this.first === 'string' ? this.first : '';
      return;
    }
    this.error = toError(e);
  }
}

function firstUrl(mailbox: string, folderId: string, now: Date): string {
  const from = new Date(now.getTime() - DELTA_DAYS_BACK * 86_400_000);
  const to = new Date(now.getTime() + DELTA_DAYS_AHEAD * 86_400_000);
  return `${calendarPath(mailbox, folderId)}/calendarView/delta?startDateTime=${from.toISOString()}&endDateTime=${to.toISOString()}`;
}

export async function syncChanges(
  ctx: GraphContext,
  mailbox: string,
  folderId: string,
  state: string | undefined,
  now: Date = new Date(),
  opts: SyncOptions = {},
): Promise<SyncResult> {
  return deltaRound(ctx, mailbox, firstUrl(mailbox, folderId, now), state, opts);
}

/**
 * One delta round from `first` (or from the deltaLink `state`) to its deltaLink. Contacts and To Do tasks use it
 * with idsOnly: their pump re-reads the folder on any create or update, so ids and kinds are all it needs.
 */
export async function deltaRound(
  ctx: GraphContext,
  mailbox: string,
  first: string | (() => Promise<string>),
  state: string | undefined,
  opts: SyncOptions = {},
): Promise<SyncResult> {
  const round = new Round(ctx, mailbox, first, state, opts);
  while (!round.done) {
    try {
      await round.page(await graphRead<DeltaPage>(ctx, await round.next(), DELTA_HEADERS));
    } catch (e) {
      round.failed(e);
    }
  }
  if (round.error !== undefined) throw round.error;
  return round.result!;
}

/** A link Graph gave us as a path below /v1.0, for a $batch member; undefined when it points elsewhere. */
function batchPath(ctx: GraphContext, url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return url;
  const base = ctx.transport.absolute('/');
  return url.startsWith(base) ? `/${url.slice(base.length)}` : undefined;
}

/**
 * Many folders' changes at once: every round's next page travels in a $batch of up to 20 members, up to
 * `concurrency` batches in flight; a round needing more pages joins the next wave. One result or error per
 * request, in order; a failing folder never fails the others.
 */
export async function syncChangesMany(
  ctx: GraphContext,
  requests: SyncRequest[],
  now: Date = new Date(),
  opts: SyncOptions & { concurrency?: number } = {},
): Promise<Array<SyncResult | Error>> {
  const rounds = requests.map((r) => new Round(ctx, r.mailbox, firstUrl(r.mailbox, r.folderId, now), r.state, opts));
  for (;;) {
    const open = rounds.filter((r) => !r.done);
    if (!open.length) break;
    // A link that cannot ride in a $batch (another host) is followed on its own.
    const alone = open.filter((r) => batchPath(ctx, r.url) === undefined);
    const batched = open.filter((r) => batchPath(ctx, r.url) !== undefined);
    const chunks: Round[][] = [];
    for (let i = 0; i < batched.length; i += BATCH_LIMIT) chunks.push(batched.slice(i, i + BATCH_LIMIT));
    await mapBounded([...chunks, ...alone.map((r) => [r])], opts.concurrency ?? 8, async (chunk) => {
      if (chunk.length === 1 && alone.includes(chunk[0])) {
        const r = chunk[0];
        try {
          await r.page(await graphRead<DeltaPage>(ctx, r.url, DELTA_HEADERS));
        } catch (e) {
          r.failed(e);
        }
        return;
      }
      try {
        const answers = await graphBatch(
          ctx,
          chunk.map((r, i) => ({ id: String(i + 1), method: 'GET' as const, url: batchPath(ctx, r.url)!, headers: DELTA_HEADERS })),
          'calendarViewDelta',
        );
        for (let i = 0; i < chunk.length; i++) {
          const a = answers[i];
          const r = chunk[i];
          if (a.error || a.status < 200 || a.status >= 300) r.failed(a.error ?? noEndLink(ctx));
          else await r.page(a.body as DeltaPage).catch((e: unknown) => r.failed(e));
        }
      } catch (e) {
        for (const r of chunk) r.failed(e);
      }
    });
  }
  return rounds.map((r) => r.error ?? r.result!);
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
