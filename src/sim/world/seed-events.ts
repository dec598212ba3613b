// The canonical calendar of every seeded user mailbox: one of each shape an exporter must get right
// (series with moved/renamed/deleted occurrences across DST, all-day single and multi-day, private,
// cancelled, foreign time zones, subfolders). Dates are relative to the world's anchor week.
import type { OccurrenceOverride, SimAttendee, SimEvent, SimMailbox, SimPerson } from './types.js';
import type { Rng } from './prng.js';
import { buildEvent, localInstant, type EventSpec } from './event-builder.js';
import { changeKey, occurrenceId } from './ids.js';
import { seriesOccurrences } from './recurrence.js';
import { SEED_TEXTS } from './seed-texts.js';
import { addDays, iso, localDate } from './tz.js';

export interface SeedContext {
  rng: Rng;
  /** Monday of the anchor week, YYYY-MM-DD. */
  anchor: string;
  anchorMs: number;
  mailbox: SimMailbox;
  colleagues: SimPerson[];
  rooms: SimPerson[];
  folder(key: string): string;
  nextId(): string;
  add(ev: SimEvent): void;
}

const YEAR_MS = 366 * 86_400_000;

function originalOn(ev: SimEvent, date: string): string | undefined {
  const horizon = Date.parse(ev.start) + 3 * YEAR_MS;
  return seriesOccurrences(ev, horizon).find((o) => localDate(ev.timeZone, Date.parse(o.start)) === date)?.originalStart;
}

export function addException(
  ev: SimEvent,
  date: string,
  patch: Omit<Partial<OccurrenceOverride>, 'id' | 'changeKey' | 'lastModified'>,
): void {
  const original = originalOn(ev, date);
  if (!original) throw new Error(`seed: ${ev.subject} has no occurrence on ${date}`);
  const id = occurrenceId(ev.id, original);
  ev.exceptions[original] = { id, changeKey: changeKey(id, 2), lastModified: ev.lastModified, ...patch };
}

export function deleteOccurrenceOn(ev: SimEvent, date: string): void {
  const original = originalOn(ev, date);
  if (!original) throw new Error(`seed: ${ev.subject} has no occurrence on ${date}`);
  ev.deletedOccurrences.push(original);
}

function attendee(p: SimPerson, role: SimAttendee['role'], response: SimAttendee['response']): SimAttendee {
  return { ...p, role, response };
}

export function seedCanonicalEvents(ctx: SeedContext): void {
  const { mailbox: mb, anchor, rng } = ctx;
  const t = SEED_TEXTS[mb.language];
  const tz = mb.timeZone;
  const me: SimPerson = { name: mb.displayName, email: mb.smtp };
  const [c1, c2, c3] = ctx.colleagues;
  const room = ctx.rooms[0];
  const day = (n: number) => addDays(anchor, n);
  const created = (daysBefore: number) => ctx.anchorMs - daysBefore * 86_400_000;
  const make = (
    spec: Omit<EventSpec, 'timeZone' | 'organizer'> & Partial<Pick<EventSpec, 'timeZone' | 'organizer'>>,
    folderKey = 'calendar',
    age = 30,
  ) => {
    const ev = buildEvent(
      { timeZone: tz, organizer: me, ...spec },
      { id: ctx.nextId(), mailbox: mb.smtp, folderId: ctx.folder(folderKey) },
      rng,
      created(age),
    );
    ctx.add(ev);
    return ev;
  };

  make({
    subject: t.review,
    date: day(1),
    time: '09:00',
    minutes: 60,
    location: room.name,
    categories: [t.project],
    attendees: [
      attendee(me, 'required', 'Organizer'),
      attendee(c1, 'required', 'Accept'),
      attendee(c2, 'optional', 'Tentative'),
      attendee(room, 'resource', 'Accept'),
    ],
    body: 'Agenda: status, risks, next steps.',
  });

  // Weekly Mon+Wed for a year around the anchor: crosses both DST changes of every zone we seed.
  const team = make(
    {
      subject: t.team,
      date: day(-26 * 7),
      time: '10:00',
      minutes: 30,
      location: t.meetingRoom,
      attendees: [
        attendee(me, 'required', 'Organizer'),
        attendee(c1, 'required', 'Accept'),
        attendee(c3, 'required', 'NoResponseReceived'),
      ],
      recurrence: {
        pattern: { kind: 'weekly', interval: 1, daysOfWeek: [1, 3], firstDayOfWeek: 1 },
        range: { kind: 'numbered', startDate: day(-26 * 7), count: 104 },
      },
    },
    'calendar',
    200,
  );
  deleteOccurrenceOn(team, day(0));
  addException(team, day(2), {
    subject: t.teamMoved,
    start: iso(localInstant(tz, day(2), '14:00')),
    end: iso(localInstant(tz, day(2), '14:30')),
  });
  addException(team, day(-7), { location: 'Teams' });
  addException(team, day(7), { start: iso(localInstant(tz, day(8), '11:00')), end: iso(localInstant(tz, day(8), '11:30')) });

  const standup = make({
    subject: t.standup,
    date: day(-14),
    time: '09:15',
    minutes: 15,
    recurrence: { pattern: { kind: 'daily', interval: 1 }, range: { kind: 'endDate', startDate: day(-14), endDate: day(13) } },
  });
  deleteOccurrenceOn(standup, day(3));
  addException(standup, day(4), { subject: t.standupRemote, location: 'Teams' });

  make(
    {
      subject: t.sprint,
      date: day(-24),
      days: 1,
      showAs: 'free',
      categories: [t.project],
      recurrence: {
        pattern: { kind: 'weekly', interval: 2, daysOfWeek: [5], firstDayOfWeek: 1 },
        range: { kind: 'numbered', startDate: day(-24), count: 10 },
      },
    },
    'calendar/projects',
  );

  make({ subject: t.vacation, date: day(7), days: 3, showAs: 'oof', sensitivity: 'private' });
  make({ subject: t.offsite, date: day(4), days: 1, showAs: 'workingElsewhere', location: 'Zandvoort' });
  make({ subject: t.doctor, date: day(2), time: '16:00', minutes: 60, sensitivity: 'private' });
  make({
    subject: t.cancelled,
    date: day(3),
    time: '11:00',
    minutes: 60,
    showAs: 'free',
    isCancelled: true,
    organizer: c2,
    attendees: [attendee(c2, 'required', 'Organizer'), attendee(me, 'required', 'Accept')],
  });
  make({ subject: t.nyCall, date: day(1), time: '10:00', minutes: 60, timeZone: 'America/New_York', showAs: 'tentative' });
  make({
    subject: t.maintenance,
    date: day(5),
    time: '22:00',
    minutes: 90,
    timeZone: 'UTC',
    showAs: 'free',
    categories: ['Maintenance', 'IT'],
  });
  make({
    subject: t.monthly,
    date: day(-90),
    time: '14:00',
    minutes: 60,
    importance: 'High',
    recurrence: { pattern: { kind: 'absoluteMonthly', interval: 1, dayOfMonth: 15 }, range: { kind: 'noEnd', startDate: day(-90) } },
  });
  make({ subject: t.birthday, date: day(6), time: '19:00', minutes: 180, sensitivity: 'personal' });

  make(
    {
      subject: t.newYear,
      date: '2020-01-01',
      days: 1,
      recurrence: { pattern: { kind: 'absoluteYearly', month: 1, dayOfMonth: 1 }, range: { kind: 'noEnd', startDate: '2020-01-01' } },
    },
    'calendar/holidays',
    400,
  );
  make({ subject: t.companyHoliday, date: day(14), days: 1, showAs: 'oof' }, 'calendar/holidays');
  make({ subject: t.archived, date: day(-60), time: '13:00', minutes: 120 }, 'calendar/projects/archive', 90);
}

/** Room and equipment calendars: bookings whose subject is the organiser's name, as Exchange rewrites it. */
export function seedResourceEvents(ctx: SeedContext): void {
  const { mailbox: mb, rng } = ctx;
  for (let i = 0; i < 6; i++) {
    const organizer = ctx.colleagues[i % ctx.colleagues.length];
    const ev = buildEvent(
      {
        subject: organizer.name,
        date: addDays(ctx.anchor, rng.int(-3, 10)),
        time: `${String(rng.int(8, 16)).padStart(2, '0')}:${rng.pick(['00', '30'])}`,
        minutes: rng.pick([30, 60, 90]),
        timeZone: mb.timeZone,
        location: mb.displayName,
        organizer,
        attendees: [attendee(organizer, 'required', 'Organizer'), attendee({ name: mb.displayName, email: mb.smtp }, 'resource', 'Accept')],
      },
      { id: ctx.nextId(), mailbox: mb.smtp, folderId: ctx.folder('calendar') },
      rng,
      ctx.anchorMs - 10 * 86_400_000,
    );
    ctx.add(ev);
  }
}
