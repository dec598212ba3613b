// The truth export tests compare against: what a correct connector must produce for a mailbox folder
// and window, in NormalisedEvent form (occurrences expanded, exceptions at their new times, deleted
// occurrences absent, all-day events as [date 00:00Z, next date 00:00Z)).
import type { NormalisedEvent } from '../../shared/model.js';
import type { ExpandedItem, ResponseKind } from './types.js';
import type { SimWorld } from './world.js';
import { eventsInFolder, folderOf } from './world.js';
import { compareExpanded, expandEvent } from './recurrence.js';
import { localDate } from './tz.js';

const RESPONSE: Record<ResponseKind, 'none' | 'accepted' | 'tentative' | 'declined' | 'organizer' | 'unknown'> = {
  Unknown: 'unknown',
  Organizer: 'organizer',
  Tentative: 'tentative',
  Accept: 'accepted',
  Decline: 'declined',
  NoResponseReceived: 'none',
};

/** An all-day instant (local midnight in its zone) as the zone-free date at 00:00Z. */
export function allDayDate(instant: string, timeZone: string): string {
  return `${localDate(timeZone, Date.parse(instant))}T00:00:00.000Z`;
}

export function normaliseExpanded(x: ExpandedItem): NormalisedEvent {
  const m = x.master;
  const time = (t: string) => (m.isAllDay ? allDayDate(t, m.timeZone) : new Date(t).toISOString());
  const e: NormalisedEvent = {
    id: x.id,
    iCalUId: m.iCalUId,
    subject: x.subject,
    start: time(x.start),
    end: time(x.end),
    timeZone: m.timeZone,
    isAllDay: m.isAllDay,
    location: x.location,
    organizer: { name: m.organizer.name, email: m.organizer.email },
    showAs: x.showAs,
    sensitivity: m.sensitivity,
    isCancelled: x.isCancelled,
    categories: [...m.categories],
    lastModified: new Date(x.lastModified).toISOString(),
  };
  if (m.attendees.length) {
    e.attendees = m.attendees.map((a) => ({ name: a.name, email: a.email, type: a.role, response: RESPONSE[a.response] }));
  }
  if (x.kind !== 'Single') {
    e.seriesId = m.id;
    e.originalStart = time(x.originalStart!);
  }
  return e;
}

/** Expanded items of a folder overlapping [from, to) (start < to && end > from), sorted by start, subject. */
export function expandedItems(world: SimWorld, smtp: string, folder: string, from: Date, to: Date): ExpandedItem[] {
  const f = folderOf(world, smtp, folder);
  if (!f) throw new Error(`sim: mailbox ${smtp} has no folder ${folder}`);
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const out: ExpandedItem[] = [];
  for (const ev of eventsInFolder(world, f.id)) out.push(...expandEvent(ev, fromMs, toMs));
  return out.sort(compareExpanded);
}

export function expectedEvents(world: SimWorld, smtp: string, folder: string, from: Date, to: Date): NormalisedEvent[] {
  return expandedItems(world, smtp, folder, from, to)
    .map(normaliseExpanded)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.subject.localeCompare(b.subject)));
}

export interface ComparableEvent {
  iCalUId: string;
  originalStart?: string;
  subject: string;
  start: string;
  end: string;
  isAllDay: boolean;
  location: string;
  showAs: NormalisedEvent['showAs'];
  sensitivity: NormalisedEvent['sensitivity'];
  isCancelled: boolean;
  categories: string[];
  organizer?: string;
}

/** Backend-neutral projection: no ids, no lastModified; safe to deep-equal EWS output against Graph's. */
export function comparableEvent(e: NormalisedEvent): ComparableEvent {
  const c: ComparableEvent = {
    iCalUId: e.iCalUId,
    subject: e.subject,
    start: new Date(e.start).toISOString(),
    end: new Date(e.end).toISOString(),
    isAllDay: e.isAllDay,
    location: e.location,
    showAs: e.showAs,
    sensitivity: e.sensitivity,
    isCancelled: e.isCancelled,
    categories: [...e.categories].sort(),
    organizer: e.organizer?.email?.toLowerCase(),
  };
  if (e.originalStart) c.originalStart = new Date(e.originalStart).toISOString();
  return c;
}
