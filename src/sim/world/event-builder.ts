// Builds SimEvents from local wall-clock descriptions ("day +1 at 09:00 in Europe/Berlin").
import type { SimAttendee, SimEvent, SimPerson, SimRecurrence } from './types.js';
import type { ShowAs, Sensitivity } from '../../shared/model.js';
import type { Rng } from './prng.js';
import { changeKey } from './ids.js';
import { addDays, iso, localMidnight, localToUtc } from './tz.js';

export interface EventSpec {
  subject: string;
  /** Local date YYYY-MM-DD in timeZone. */
  date: string;
  /** "HH:MM" local; omitted for all-day. */
  time?: string;
  minutes?: number;
  /** All-day length in days. */
  days?: number;
  timeZone: string;
  location?: string;
  showAs?: ShowAs;
  sensitivity?: Sensitivity;
  categories?: string[];
  organizer: SimPerson;
  attendees?: SimAttendee[];
  isCancelled?: boolean;
  recurrence?: SimRecurrence;
  body?: string;
  importance?: SimEvent['importance'];
}

export function localInstant(timeZone: string, date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return localToUtc(timeZone, { year: y, month: m, day: d, hour: hh, minute: mm });
}

/** Exchange-style global object id (UID) — a hex blob with a fixed prefix and random tail. */
export function exchangeUid(rng: Rng, createdMs: number): string {
  const hex = (n: number) => Math.floor(n).toString(16).padStart(8, '0').slice(-8);
  let tail = '';
  for (let i = 0; i < 4; i++) tail += hex(rng.next() * 0xffffffff);
  const ft = BigInt(createdMs + 11_644_473_600_000) * 10_000n;
  const time = ft.toString(16).padStart(16, '0');
  return ('040000008200E00074C5B7101A82E00800000000' + time + '000000000000000010000000' + tail).toUpperCase();
}

export function buildEvent(spec: EventSpec, ids: { id: string; mailbox: string; folderId: string }, rng: Rng, createdMs: number): SimEvent {
  let start: number;
  let end: number;
  const isAllDay = spec.time === undefined;
  if (isAllDay) {
    start = localMidnight(spec.timeZone, spec.date);
    end = localMidnight(spec.timeZone, addDays(spec.date, spec.days ?? 1));
  } else {
    start = localInstant(spec.timeZone, spec.date, spec.time!);
    end = start + (spec.minutes ?? 60) * 60_000;
  }
  const attendees = spec.attendees ?? [];
  const modifiedMs = createdMs + rng.int(0, 5) * 86_400_000;
  return {
    id: ids.id,
    changeKey: changeKey(ids.id, 1),
    mailbox: ids.mailbox,
    folderId: ids.folderId,
    iCalUId: exchangeUid(rng, createdMs),
    subject: spec.subject,
    body: spec.body ?? '',
    location: spec.location ?? '',
    start: iso(start),
    end: iso(end),
    timeZone: spec.timeZone,
    isAllDay,
    showAs: spec.showAs ?? (isAllDay ? 'free' : 'busy'),
    sensitivity: spec.sensitivity ?? 'normal',
    importance: spec.importance ?? 'Normal',
    categories: spec.categories ?? [],
    organizer: spec.organizer,
    attendees,
    isMeeting: attendees.length > 0,
    isCancelled: spec.isCancelled ?? false,
    created: iso(createdMs),
    lastModified: iso(modifiedMs),
    recurrence: spec.recurrence,
    exceptions: {},
    deletedOccurrences: [],
    extendedProperties: [],
    reminderMinutes: isAllDay ? 1080 : 15,
    appointmentSequence: 0,
  };
}
