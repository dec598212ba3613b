// Graph event → NormalisedEvent. Times are asked for in UTC (Prefer: outlook.timezone="UTC") but read in whatever
// zone each one names (graph-time.ts: a proxy may strip the header); all-day events float, so their date is kept as
// [date 00:00Z, next date 00:00Z). An event without start or end, or in a zone that cannot be converted, throws the
// item-level CalpumpError (graph.event.incomplete / graph.event.timeZoneUnknown) the caller reports as a skip. Occurrences carry a per-instance iCalUId in
// Graph, so the series' iCalUId (looked up from seriesMasterId) is the one that identifies them across backends.
import type { NormalisedEvent, Sensitivity, ShowAs } from '../../../shared/model.js';
import { windowsToIana } from '../../../shared/time-zones.js';
import { skipSubject, type ItemSkipReporter } from '../connector.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import { graphInstant, ianaZoneOf, isoInstant, type GraphDateTime } from './graph-time.js';

export type { GraphDateTime } from './graph-time.js';

export interface GraphEmail {
  emailAddress?: { name?: string; address?: string };
}

export interface GraphEvent {
  id: string;
  iCalUId?: string;
  subject?: string | null;
  /** Required by Graph; a proxy or a broken answer may still leave them out. */
  start?: GraphDateTime | null;
  end?: GraphDateTime | null;
  originalStart?: string | null;
  originalStartTimeZone?: string | null;
  isAllDay?: boolean;
  showAs?: string;
  sensitivity?: string;
  isCancelled?: boolean;
  categories?: string[];
  type?: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  seriesMasterId?: string | null;
  location?: { displayName?: string } | null;
  organizer?: GraphEmail | null;
  attendees?: Array<GraphEmail & { type?: string; status?: { response?: string } }>;
  lastModifiedDateTime?: string;
  body?: { contentType?: string; content?: string };
  '@removed'?: { reason?: string };
}

const SHOW_AS: ReadonlySet<string> = new Set<ShowAs>(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']);
const SENSITIVITY: ReadonlySet<string> = new Set<Sensitivity>(['normal', 'personal', 'private', 'confidential']);
const RESPONSE: Record<string, 'none' | 'accepted' | 'tentative' | 'declined' | 'organizer' | 'unknown'> = {
  none: 'unknown',
  notResponded: 'none',
  accepted: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
  organizer: 'organizer',
};

/**
 * Where an event starts or ends, as an instant (an all-day event: its date at 00:00Z); throws the item-level error
 * of an event that cannot be placed: no start or end, or times in an unknown zone.
 */
function placedAt(e: GraphEvent, field: 'start' | 'end', allDay: boolean, mailbox: string): string {
  const t = e[field];
  if (!t?.dateTime)
    throw new CalpumpError('graph.event.incomplete', {
      params: { itemId: e.id, field, mailbox },
      evidence: `event ${e.id}: missing=${field}`,
    });
  if (allDay) return midnight(t.dateTime.slice(0, 10));
  const at = graphInstant(t);
  if (!at)
    throw new CalpumpError('graph.event.timeZoneUnknown', {
      params: { itemId: e.id, timeZone: String(t.timeZone ?? ''), mailbox },
      evidence: `event ${e.id}: ${field}.dateTime=${t.dateTime}; ${field}.timeZone=${t.timeZone}`,
    });
  return at;
}

function localDate(instant: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
  } catch {
    return new Date(instant).toISOString().slice(0, 10);
  }
}

const midnight = (date: string) => `${date}T00:00:00.000Z`;

export function isInstance(e: GraphEvent): boolean {
  return e.type === 'occurrence' || e.type === 'exception';
}

/**
 * The normalised event; throws graph.event.incomplete or graph.event.timeZoneUnknown (with the event id) for an
 * event that cannot be placed, for the caller to report as a skipped item.
 */
export function mapGraphEvent(e: GraphEvent, seriesUid: string | undefined, includeBody = false, mailbox = '?'): NormalisedEvent {
  const allDay = e.isAllDay === true;
  const start = placedAt(e, 'start', allDay, mailbox);
  const end = placedAt(e, 'end', allDay, mailbox);
  const zoneName = e.originalStartTimeZone || 'UTC';
  const timeZone = ianaZoneOf(zoneName) ?? windowsToIana(zoneName);
  const out: NormalisedEvent = {
    id: e.id,
    iCalUId: (isInstance(e) ? seriesUid : undefined) ?? e.iCalUId ?? e.id,
    subject: e.subject ?? '',
    start,
    end,
    timeZone,
    isAllDay: allDay,
    location: e.location?.displayName ?? '',
    showAs: SHOW_AS.has(e.showAs as string) ? (e.showAs as ShowAs) : 'unknown',
    sensitivity: SENSITIVITY.has(e.sensitivity as string) ? (e.sensitivity as Sensitivity) : 'normal',
    isCancelled: e.isCancelled === true,
    categories: [...(e.categories ?? [])],
    lastModified: e.lastModifiedDateTime ? isoInstant(e.lastModifiedDateTime) : start,
  };
  const org = e.organizer?.emailAddress;
  if (org) out.organizer = { name: org.name, email: org.address };
  if (e.attendees?.length) {
    out.attendees = e.attendees.map((a) => ({
      name: a.emailAddress?.name,
      email: a.emailAddress?.address,
      type: a.type === 'optional' ? 'optional' : a.type === 'resource' ? 'resource' : 'required',
      response: RESPONSE[a.status?.response ?? ''] ?? 'unknown',
    }));
  }
  if (isInstance(e) && e.seriesMasterId) {
    out.seriesId = e.seriesMasterId;
    const original = e.originalStart ? graphInstant({ dateTime: e.originalStart, timeZone: 'UTC' }) : undefined;
    if (original) out.originalStart = allDay ? midnight(localDate(original, timeZone)) : original;
    if (e.type === 'exception') out.isException = true;
  }
  if (includeBody && e.body?.content !== undefined) out.body = e.body.content;
  return out;
}

/** Maps an event, or reports it through `skip` and answers undefined when it cannot be placed. */
export function mapOrSkip(
  e: GraphEvent,
  seriesUid: string | undefined,
  o: { includeBody?: boolean; mailbox: string; skip: ItemSkipReporter },
): NormalisedEvent | undefined {
  try {
    return mapGraphEvent(e, seriesUid, o.includeBody, o.mailbox);
  } catch (err) {
    if (!(err instanceof CalpumpError) || !err.id.startsWith('graph.event.')) throw err;
    const subject = skipSubject(e.subject ?? undefined, e.sensitivity ?? undefined);
    o.skip({ itemId: e.id, ...(subject ? { subject } : {}), error: err });
    return undefined;
  }
}

/** Logs each skipped event (warn) and tells the caller, who counts it in the run. */
export function graphSkipReporter(
  ctx: { logger: { warn: (event: string, fields?: Record<string, unknown>) => void } },
  onSkip?: ItemSkipReporter,
): ItemSkipReporter {
  return (skip) => {
    ctx.logger.warn('graph.event.skipped', { itemId: skip.itemId, errorId: skip.error.id, evidence: skip.error.evidence });
    onSkip?.(skip);
  };
}
