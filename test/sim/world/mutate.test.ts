import { describe, expect, it } from 'vitest';
import { createWorld, expectedEvents } from '../../../src/sim/world/index.js';

const anchor = new Date('2026-03-25T12:00:00Z');
const from = new Date('2026-03-23T00:00:00Z');
const to = new Date('2026-03-30T00:00:00Z');

describe('world.mutate', () => {
  it('moves an occurrence into an exception and bumps change key and change log', () => {
    const w = createWorld({ anchor });
    const occ = expectedEvents(w, 'jan.devries@contoso.com', 'calendar', from, to).find(
      (e) => e.subject === 'Dagelijkse stand-up' && e.start.startsWith('2026-03-24'),
    )!;
    const master = w.events.get(occ.seriesId!)!;
    const ck = master.changeKey;
    const seq = w.seq;
    w.mutate.moveEvent(occ.id, '2026-03-24T12:00:00Z', '2026-03-24T12:30:00Z');
    expect(master.changeKey).not.toBe(ck);
    expect(w.seq).toBe(seq + 1);
    const after = expectedEvents(w, 'jan.devries@contoso.com', 'calendar', from, to).find((e) => e.originalStart === occ.originalStart)!;
    expect(after.start).toBe('2026-03-24T12:00:00.000Z');
  });

  it('deletes occurrences and singles, changes subjects, adds events', () => {
    const w = createWorld({ anchor });
    const list = () => expectedEvents(w, 'alice.smith@contoso.com', 'calendar', from, to);
    const occ = list().find((e) => e.subject === 'Daily standup')!;
    w.mutate.deleteEvent(occ.id);
    expect(list().find((e) => e.id === occ.id)).toBeUndefined();
    const single = list().find((e) => e.subject === 'Project review')!;
    w.mutate.changeSubject(single.id, 'Renamed');
    expect(list().find((e) => e.id === single.id)!.subject).toBe('Renamed');
    w.mutate.deleteEvent(single.id);
    expect(list().find((e) => e.id === single.id)).toBeUndefined();
    const added = w.mutate.addEvent('alice.smith@contoso.com', 'calendar', {
      subject: 'Added',
      date: '2026-03-26',
      time: '08:00',
      timeZone: 'UTC',
    });
    expect(list().find((e) => e.id === added.id)!.start).toBe('2026-03-26T08:00:00.000Z');
  });
});
