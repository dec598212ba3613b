// Graph event times in every zone Graph names (a proxy that strips Prefer: outlook.timezone makes Graph answer
// in the mailbox's zone): Windows and IANA names, UTC, daylight saving; an event without start or in a zone that
// cannot be converted is an item-level error with its id, reported as a skip — never read as UTC, never a crash.
import { describe, expect, it } from 'vitest';
import type { ItemSkip } from '../../../../src/core/connectors/connector.js';
import { graphInstant, ianaZoneOf, isoInstant } from '../../../../src/core/connectors/graph/graph-time.js';
import type { GraphContext } from '../../../../src/core/connectors/graph/graph-context.js';
import { calendarView } from '../../../../src/core/connectors/graph/operations/calendar-view.js';
import { availability } from '../../../../src/core/connectors/graph/operations/availability.js';
import type { CalpumpError } from '../../../../src/core/errors/calpump-error.js';
import { recordingLogger } from '../../net/fakes.js';
import { fixture } from './fixtures.js';

/** A GraphContext whose client and transport answer every GET/POST with `body`. */
function ctxAnswering(body: unknown): GraphContext {
  const request = { headers: () => request, get: async () => body, post: async () => body };
  const text = JSON.stringify(body);
  return {
    profile: { graphHost: 'https://graph.microsoft.com' },
    client: { api: () => request },
    transport: { sendJson: async () => ({ status: 200, headers: {}, body: text, json: JSON.parse(text) as unknown }) },
    logger: recordingLogger(),
    seriesUid: new Map(),
  } as unknown as GraphContext;
}

describe('graphInstant', () => {
  it.each([
    ['2026-11-25T09:00:00.0000000', 'W. Europe Standard Time', '2026-11-25T08:00:00.000Z'],
    ['2026-07-01T09:00:00.0000000', 'W. Europe Standard Time', '2026-07-01T07:00:00.000Z'],
    ['2026-11-25T09:00:00.0000000', 'Pacific Standard Time', '2026-11-25T17:00:00.000Z'],
    ['2026-07-01T09:00:00.0000000', 'Pacific Standard Time', '2026-07-01T16:00:00.000Z'],
    ['2026-11-25T09:00:00.0000000', 'India Standard Time', '2026-11-25T03:30:00.000Z'],
    ['2026-11-25T09:00:00.0000000', 'Pacific SA Standard Time', '2026-11-25T12:00:00.000Z'],
    ['2026-11-25T09:00:00.0000000', 'Europe/Amsterdam', '2026-11-25T08:00:00.000Z'],
    ['2026-11-25T09:00:00.0000000', 'America/New_York', '2026-11-25T14:00:00.000Z'],
    ['2026-11-25T09:00:00.0000000', 'UTC', '2026-11-25T09:00:00.000Z'],
    ['2026-11-25T09:00:00.1230000', 'Etc/GMT', '2026-11-25T09:00:00.123Z'],
    ['2026-11-25T09:00:00Z', 'Pacific Standard Time', '2026-11-25T09:00:00.000Z'],
    // Fall back: 01:30 happens twice in Los Angeles; the first (daylight) one is meant.
    ['2026-11-01T01:30:00.0000000', 'Pacific Standard Time', '2026-11-01T08:30:00.000Z'],
    ['2026-03-29T03:30:00.0000000', 'W. Europe Standard Time', '2026-03-29T01:30:00.000Z'],
  ])('%s in %s is %s', (dateTime, timeZone, expected) => {
    expect(graphInstant({ dateTime, timeZone })).toBe(expected);
  });

  it('an unknown or custom zone, or text that is not a date-time, gives nothing to guess with', () => {
    expect(graphInstant({ dateTime: '2026-11-25T09:00:00.0000000', timeZone: 'tzone://Microsoft/Custom' })).toBeUndefined();
    expect(graphInstant({ dateTime: '2026-11-25T09:00:00.0000000', timeZone: 'Customized Time Zone' })).toBeUndefined();
    expect(graphInstant({ dateTime: 'next tuesday', timeZone: 'UTC' })).toBeUndefined();
    expect(ianaZoneOf('Romance Standard Time')).toBe('Europe/Paris');
  });
});

/** graphInstant as it was before its shortcut for Graph's own shapes: a regular expression and Date throughout. */
function referenceInstant(dateTime: string, timeZone: string | undefined): string | undefined {
  const text = dateTime.trim();
  if (/(?:[zZ]|[+-]\d\d:\d\d)$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/.exec(text);
  if (!m || (timeZone && timeZone !== 'UTC')) return 'not compared';
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0), ms)).toISOString();
}

describe('graphInstant and isoInstant on every shape near the ones Graph sends', () => {
  it('give what Date gives, for real and impossible moments alike (month 13, 31 April, 29 February, hour 24…)', () => {
    let compared = 0;
    const wrong: string[] = [];
    for (const year of ['0999', '1000', '1900', '2000', '2024', '2026', '9999'])
      for (const month of ['00', '01', '02', '04', '12', '13'])
        for (const day of ['00', '01', '28', '29', '30', '31', '32'])
          for (const time of ['00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60', '1a:00:00'])
            for (const tail of [
              '',
              '.0',
              '.12',
              '.123',
              '.1234567',
              '.12345678',
              'Z',
              '.123Z',
              '.1Z',
              '.1234Z',
              'z',
              '+01:00',
              ' ',
              '.',
              'ZZ',
            ]) {
              const dateTime = `${year}-${month}-${day}T${time}${tail}`;
              for (const timeZone of [undefined, '', 'UTC', 'W. Europe Standard Time']) {
                const expected = referenceInstant(dateTime, timeZone);
                if (expected === 'not compared') continue;
                compared++;
                const got = graphInstant({ dateTime, timeZone });
                if (got !== expected) wrong.push(`graphInstant ${dateTime} in ${timeZone}: ${got} ≠ ${expected}`);
              }
              let viaDate: string;
              try {
                viaDate = new Date(dateTime).toISOString();
              } catch {
                viaDate = 'throws';
              }
              let ours: string;
              try {
                ours = isoInstant(dateTime);
              } catch {
                ours = 'throws';
              }
              if (ours !== viaDate) wrong.push(`isoInstant ${dateTime}: ${ours} ≠ ${viaDate}`);
            }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(20_000);
  });
});

describe('Graph calendarView with times outside UTC', () => {
  it('places every event by its own zone and reports the ones it cannot place with their ids', async () => {
    const ctx = ctxAnswering(JSON.parse(fixture('calendarview-zones-no-prefer.json')));
    const skipped: ItemSkip[] = [];
    const events = [];
    for await (const e of calendarView(ctx, 'anna.schmidt@contoso.com', 'calendar', new Date('2026-06-01Z'), new Date('2026-12-31Z'), {
      onItemSkipped: (s) => skipped.push(s),
    }))
      events.push(e);
    expect(events.map((e) => [e.subject, e.start, e.end, e.timeZone])).toEqual([
      ['Winter (W. Europe)', '2026-11-25T08:00:00.000Z', '2026-11-25T09:30:00.000Z', 'Europe/Berlin'],
      ['Summer (W. Europe)', '2026-07-01T07:00:00.000Z', '2026-07-01T08:00:00.000Z', 'Europe/Berlin'],
      ['Pacific', '2026-11-25T17:00:00.000Z', '2026-11-25T17:30:00.000Z', 'America/Los_Angeles'],
      ['IANA', '2026-11-25T08:00:00.000Z', '2026-11-25T09:00:00.000Z', 'Europe/Amsterdam'],
      ['UTC', '2026-11-25T09:00:00.000Z', '2026-11-25T10:00:00.000Z', 'UTC'],
    ]);
    expect(skipped.map((s) => [s.itemId, s.error.id, s.error.params.field ?? s.error.params.timeZone])).toEqual([
      ['AAMkAGI2TG93AAB=custom', 'graph.event.timeZoneUnknown', 'tzone://Microsoft/Custom'],
      ['AAMkAGI2TG93AAB=nostart', 'graph.event.incomplete', 'start'],
    ]);
    expect(skipped[1].error.render().message).toContain('AAMkAGI2TG93AAB=nostart');
  });

  it('getSchedule blocks in another zone are placed; a block in an unknown zone fails that mailbox, not the others', async () => {
    const ctx = ctxAnswering({
      value: [
        {
          scheduleId: 'room.berlin@contoso.com',
          scheduleItems: [
            {
              status: 'busy',
              start: { dateTime: '2026-11-25T09:00:00.0000000', timeZone: 'W. Europe Standard Time' },
              end: { dateTime: '2026-11-25T10:00:00.0000000', timeZone: 'W. Europe Standard Time' },
            },
          ],
        },
        {
          scheduleId: 'room.custom@contoso.com',
          scheduleItems: [
            {
              status: 'busy',
              start: { dateTime: '2026-11-25T09:00:00.0000000', timeZone: 'tzone://Microsoft/Custom' },
              end: { dateTime: '2026-11-25T10:00:00.0000000', timeZone: 'tzone://Microsoft/Custom' },
            },
          ],
        },
      ],
    });
    const failed: Array<[string, CalpumpError]> = [];
    const blocks = await availability(
      ctx,
      ['room.berlin@contoso.com', 'room.custom@contoso.com'],
      new Date('2026-11-25Z'),
      new Date('2026-11-26Z'),
      {
        onMailboxError: (m, e) => failed.push([m, e]),
      },
    );
    expect(blocks).toEqual([
      { mailbox: 'room.berlin@contoso.com', start: '2026-11-25T08:00:00.000Z', end: '2026-11-25T09:00:00.000Z', showAs: 'busy' },
    ]);
    expect(failed.map(([m, e]) => [m, e.id])).toEqual([['room.custom@contoso.com', 'graph.event.timeZoneUnknown']]);
  });
});
