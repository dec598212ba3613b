// Generated volume (eventsPerMailbox): a realistic mix around the anchor, mostly singles, some all-day,
// a few short series, so paging, throttling and memory tests have something to chew on.
import type { SimEvent, SimPerson } from './types.js';
import { buildEvent } from './event-builder.js';
import type { SeedContext } from './seed-events.js';
import { SEED_TEXTS } from './seed-texts.js';
import { addDays } from './tz.js';

export function seedVolumeEvents(ctx: SeedContext, count: number): void {
  const { mailbox: mb, rng } = ctx;
  const texts = SEED_TEXTS[mb.language].volume;
  const me: SimPerson = { name: mb.displayName, email: mb.smtp };
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    const date = addDays(ctx.anchor, rng.int(-60, 60));
    const subject = `${rng.pick(texts)} #${i + 1}`;
    const ids = { id: ctx.nextId(), mailbox: mb.smtp, folderId: ctx.folder('calendar') };
    const createdMs = ctx.anchorMs - rng.int(61, 120) * 86_400_000;
    let ev: SimEvent;
    if (roll < 0.1) {
      ev = buildEvent(
        { subject, date, days: rng.int(1, 3), timeZone: mb.timeZone, organizer: me, showAs: rng.pick(['free', 'oof'] as const) },
        ids,
        rng,
        createdMs,
      );
    } else if (roll < 0.18) {
      const weekly = rng.chance(0.5);
      ev = buildEvent(
        {
          subject,
          date,
          time: `${String(rng.int(7, 17)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`,
          minutes: rng.pick([15, 30, 45, 60]),
          timeZone: mb.timeZone,
          organizer: me,
          recurrence: weekly
            ? {
                pattern: { kind: 'weekly', interval: rng.int(1, 2), daysOfWeek: [rng.int(1, 5)], firstDayOfWeek: 1 },
                range: { kind: 'numbered', startDate: date, count: rng.int(3, 12) },
              }
            : {
                pattern: { kind: 'daily', interval: rng.int(1, 3) },
                range: { kind: 'endDate', startDate: date, endDate: addDays(date, rng.int(3, 20)) },
              },
        },
        ids,
        rng,
        createdMs,
      );
    } else {
      const other = rng.pick(ctx.colleagues);
      const invited = rng.chance(0.4);
      ev = buildEvent(
        {
          subject,
          date,
          time: `${String(rng.int(7, 18)).padStart(2, '0')}:${rng.pick(['00', '30'])}`,
          minutes: rng.pick([30, 60, 90, 120]),
          timeZone: rng.chance(0.9) ? mb.timeZone : rng.pick(['UTC', 'America/New_York', 'Europe/Berlin']),
          organizer: invited ? other : me,
          attendees: invited
            ? [
                { ...other, role: 'required', response: 'Organizer' },
                { ...me, role: 'required', response: rng.pick(['Accept', 'Tentative', 'NoResponseReceived'] as const) },
              ]
            : [],
          showAs: rng.pick(['busy', 'busy', 'busy', 'tentative', 'free'] as const),
          sensitivity: rng.chance(0.08) ? 'private' : 'normal',
          categories: rng.chance(0.2) ? [rng.pick(['Red category', 'Blue category', 'Green category'])] : [],
          location: rng.chance(0.5) ? rng.pick(['Teams', 'Room 1', 'Kantine', 'Cafe']) : '',
        },
        ids,
        rng,
        createdMs,
      );
    }
    ctx.add(ev);
  }
}
