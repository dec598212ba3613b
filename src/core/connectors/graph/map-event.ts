// Graph event → NormalisedEvent. Times arrive in UTC (we send Prefer: outlook.timezone="UTC"); all-day events
// float, so their date is kept as [date 00:00Z, next date 00:00Z). Occurrences carry a per-instance iCalUId in
// Graph, so the series' iCalUId (looked up from seriesMasterId) is the one that identifies them across backends.
import type { NormalisedEvent, Sensitivity, ShowAs } from '../../../shared/model.js';
import { windowsToIana } from '../../../shared/time-zones.js';

export interface GraphDateTime {
  dateTime: string;
  timeZone: string;
}

export interface GraphEmail {
  emailAddress?: { name?: string; address?: string };
}

export interface GraphEvent {
  id: string;
  iCalUId?: string;
  subject?: string | null;
  start: GraphDateTime;
  end: GraphDateTime;
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

const SHOW_AS: ShowAs[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const SENSITIVITY: Sensitivity[] = ['normal', 'personal', 'private', 'confidential'];
const RESPONSE: Record<string, 'none' | 'accepted' | 'tentative' | 'declined' | 'organizer' | 'unknown'> = {
  none: 'unknown',
  notResponded: 'none',
  accepted: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
  organizer: 'organizer',
};

/** "2026-11-25T09:00:00.0000000" in UTC → "2026-11-25T09:00:00.000Z". Other zones are treated as UTC offsets of 0 only if named UTC. */
export function utcInstant(t: GraphDateTime): string {
  const zoned = /[zZ]|[+-]\d\d:\d\d$/.test(t.dateTime) ? t.dateTime : `${t.dateTime}Z`;
  return new Date(zoned).toISOString();
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

export function mapGraphEvent(e: GraphEvent, seriesUid: string | undefined, includeBody = false): NormalisedEvent {
  const timeZone = windowsToIana(e.originalStartTimeZone || 'UTC');
  const allDay = e.isAllDay === true;
  const start = allDay ? midnight(e.start.dateTime.slice(0, 10)) : utcInstant(e.start);
  const end = allDay ? midnight(e.end.dateTime.slice(0, 10)) : utcInstant(e.end);
  const out: NormalisedEvent = {
    id: e.id,
    iCalUId: (isInstance(e) ? seriesUid : undefined) ?? e.iCalUId ?? e.id,
    subject: e.subject ?? '',
    start,
    end,
    timeZone,
    isAllDay: allDay,
    location: e.location?.displayName ?? '',
    showAs: SHOW_AS.includes(e.showAs as ShowAs) ? (e.showAs as ShowAs) : 'unknown',
    sensitivity: SENSITIVITY.includes(e.sensitivity as Sensitivity) ? (e.sensitivity as Sensitivity) : 'normal',
    isCancelled: e.isCancelled === true,
    categories: [...(e.categories ?? [])],
    lastModified: e.lastModifiedDateTime ? new Date(e.lastModifiedDateTime).toISOString() : start,
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
    if (e.originalStart)
      out.originalStart = allDay ? midnight(localDate(e.originalStart, timeZone)) : new Date(e.originalStart).toISOString();
  }
  if (includeBody && e.body?.content !== undefined) out.body = e.body.content;
  return out;
}
