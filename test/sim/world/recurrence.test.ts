import { describe, expect, it } from 'vitest';
import { createWorld, expectedEvents } from '../../../src/sim/world/index.js';

const anchor = new Date('2026-03-25T12:00:00Z'); // anchor week Mon 2026-03-23; Berlin DST starts 2026-03-29
const from = new Date('2026-03-16T00:00:00Z');
const to = new Date('2026-04-13T00:00:00Z');

function anna(subject: string) {
  const w = createWorld({ anchor });
  return expectedEvents(w, 'anna.schmidt@contoso.com', 'calendar', from, to).filter((e) => e.subject.startsWith(subject));
}

describe('recurrence expansion', () => {
  it('keeps the local wall-clock time across the DST change (UTC instant moves)', () => {
    const standups = anna('Daily Stand-up');
    const before = standups.find((e) => e.start.startsWith('2026-03-28'))!;
    const after = standups.find((e) => e.start.startsWith('2026-03-30'))!;
    expect(before.start).toBe('2026-03-28T08:15:00.000Z'); // 09:15 CET
    expect(after.start).toBe('2026-03-30T07:15:00.000Z'); // 09:15 CEST
  });

  it('omits deleted occurrences and shows modified ones at their new time', () => {
    const standups = anna('Daily Stand-up');
    expect(standups.find((e) => e.start.startsWith('2026-03-26'))).toBeUndefined();
    const remote = standups.find((e) => e.start.startsWith('2026-03-27'))!;
    expect(remote.subject).toBe('Daily Stand-up (remote)');
    expect(remote.location).toBe('Teams');
    expect(remote.originalStart).toBe('2026-03-27T08:15:00.000Z');
    const team = anna('Wöchentliches Team-Meeting').concat(anna('Team-Meeting (verschoben)'));
    expect(team.find((e) => e.originalStart === '2026-03-23T09:00:00.000Z')).toBeUndefined();
    const moved = team.find((e) => e.originalStart === '2026-03-25T09:00:00.000Z')!;
    expect(moved).toMatchObject({ subject: 'Team-Meeting (verschoben)', start: '2026-03-25T13:00:00.000Z' });
    // Next Monday's occurrence moved to Tuesday 11:00 CEST.
    expect(team.find((e) => e.originalStart === '2026-03-30T08:00:00.000Z')!.start).toBe('2026-03-31T09:00:00.000Z');
    // The daily series ends on its end date (anchor + 13 days = 2026-04-05).
    expect(standups.at(-1)!.start.slice(0, 10)).toBe('2026-04-05');
  });

  it('renders all-day items as dates at 00:00Z, multi-day spanning', () => {
    const vacation = anna('Urlaub')[0];
    expect(vacation).toMatchObject({
      start: '2026-03-30T00:00:00.000Z',
      end: '2026-04-02T00:00:00.000Z',
      isAllDay: true,
      sensitivity: 'private',
      showAs: 'oof',
    });
    const w = createWorld({ anchor });
    const sprints = expectedEvents(
      w,
      'anna.schmidt@contoso.com',
      w.mailboxes.get('anna.schmidt@contoso.com')!.distinguished.calendar,
      from,
      to,
    );
    expect(sprints.length).toBeGreaterThan(0);
  });

  it('expands bi-weekly all-day series in a subfolder', () => {
    const w = createWorld({ anchor });
    const projects = [...w.folders.values()].find((f) => f.mailbox === 'anna.schmidt@contoso.com' && f.displayName === 'Projekte')!;
    const list = expectedEvents(
      w,
      'anna.schmidt@contoso.com',
      projects.id,
      new Date('2026-02-01T00:00:00Z'),
      new Date('2026-06-01T00:00:00Z'),
    );
    expect(list.map((e) => e.start)).toEqual([
      '2026-02-27T00:00:00.000Z',
      '2026-03-13T00:00:00.000Z',
      '2026-03-27T00:00:00.000Z',
      '2026-04-10T00:00:00.000Z',
      '2026-04-24T00:00:00.000Z',
      '2026-05-08T00:00:00.000Z',
      '2026-05-22T00:00:00.000Z',
    ]);
    expect(list.every((e) => e.originalStart === e.start && e.seriesId)).toBe(true);
  });

  it('expands New York series in its own zone (US DST starts 2026-03-08)', () => {
    const w = createWorld({ anchor });
    const list = expectedEvents(
      w,
      'alice.smith@contoso.com',
      'calendar',
      new Date('2026-02-23T00:00:00Z'),
      new Date('2026-03-18T00:00:00Z'),
    );
    const team = list.filter((e) => e.subject === 'Team meeting');
    expect(team.find((e) => e.start.startsWith('2026-03-04'))!.start).toBe('2026-03-04T15:00:00.000Z'); // 10:00 EST
    expect(team.find((e) => e.start.startsWith('2026-03-09'))!.start).toBe('2026-03-09T14:00:00.000Z'); // 10:00 EDT
  });

  it('uses overlap semantics start < to && end > from', () => {
    const w = createWorld({ anchor });
    const at = new Date('2026-03-24T08:30:00Z'); // inside Projektbesprechung 08:00-09:00Z
    const list = expectedEvents(w, 'anna.schmidt@contoso.com', 'calendar', at, new Date(at.getTime() + 1));
    expect(list.map((e) => e.subject)).toContain('Projektbesprechung');
    const ending = expectedEvents(
      w,
      'anna.schmidt@contoso.com',
      'calendar',
      new Date('2026-03-24T09:00:00Z'),
      new Date('2026-03-24T09:00:01Z'),
    );
    expect(ending.map((e) => e.subject)).not.toContain('Projektbesprechung');
  });
});

describe('seriesOccurrences cache', () => {
  it('follows a change to the series pattern and to the open end of the range', async () => {
    const { seriesOccurrences } = await import('../../../src/sim/world/recurrence.js');
    const master = {
      id: 'm1',
      mailbox: 'a@contoso.com',
      folderId: 'f',
      subject: 's',
      start: '2026-03-02T08:00:00.000Z',
      end: '2026-03-02T09:00:00.000Z',
      timeZone: 'Europe/Berlin',
      isAllDay: false,
      recurrence: { pattern: { kind: 'daily', interval: 1 }, range: { kind: 'noEnd', startDate: '2026-03-02' } },
      exceptions: {},
      deletedOccurrences: [],
    } as unknown as Parameters<typeof seriesOccurrences>[0];
    const tenDays = Date.parse('2026-03-11T12:00:00Z');
    const twentyDays = Date.parse('2026-03-21T12:00:00Z');
    expect(seriesOccurrences(master, twentyDays)).toHaveLength(20);
    expect(seriesOccurrences(master, tenDays)).toHaveLength(10);
    expect(seriesOccurrences(master, twentyDays)).toHaveLength(20);
    (master.recurrence as { pattern: { interval: number } }).pattern.interval = 2;
    expect(seriesOccurrences(master, twentyDays)).toHaveLength(10);
    // Berlin switches to summer time on 2026-03-29 (every other day from 03-02: 28th, then 30th): the wall-clock time stays 09:00, the UTC hour moves.
    const after = seriesOccurrences(master, Date.parse('2026-04-02T12:00:00Z')).map((o) => o.start);
    expect(after).toContain('2026-03-30T07:00:00.000Z');
    expect(after).toContain('2026-03-28T08:00:00.000Z');
  });
});
