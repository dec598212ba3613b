// allDayInstant must give exactly what Intl's date parts give for the instant in the event's zone: across DST
// changes in zones with whole-hour, half-hour and odd offsets, a skipped day, instants either side of local
// midnight (all-day events read in another zone than their own), years Intl writes with fewer digits, and zones
// this runtime does not know (UTC then). Answers come from a cache after the first call: both must agree.
import { describe, expect, it } from 'vitest';
import { allDayInstant, localDate } from '../../../../../src/core/connectors/ews/native/all-day.js';

const formats = new Map<string, Intl.DateTimeFormat | null>();
/** The reference: formatToParts with no answer cache, as all-day.ts did before its cache and format() path. */
function reference(instantIso: string, zone: string): string {
  let f = formats.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = null;
    }
    formats.set(zone, f);
  }
  if (!f) return `${new Date(instantIso).toISOString().slice(0, 10)}T00:00:00.000Z`;
  const parts = f.formatToParts(new Date(instantIso));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T00:00:00.000Z`;
}

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'UTC',
  'Not/AZone',
];

const HOUR = 3_600_000;

describe('allDayInstant', () => {
  it('agrees with Intl every 3 hours over eighteen months in every zone, first call and cached', () => {
    const from = Date.UTC(2025, 9, 1);
    const to = Date.UTC(2027, 3, 1);
    let checked = 0;
    for (const zone of ZONES) {
      for (let t = from; t < to; t += 3 * HOUR) {
        const iso = new Date(t).toISOString();
        const want = reference(iso, zone);
        const got = allDayInstant(iso, zone);
        if (got !== want) expect(got, `${iso} in ${zone}`).toBe(want);
        checked++;
      }
      // Again, now from the cache (or after it was cleared when full): the same answers.
      for (let t = from; t < to; t += 7.5 * HOUR) {
        const iso = new Date(t).toISOString();
        if (allDayInstant(iso, zone) !== reference(iso, zone)) expect(allDayInstant(iso, zone), iso).toBe(reference(iso, zone));
      }
    }
    expect(checked).toBeGreaterThan(35_000);
  });

  it('agrees with Intl just before and at every quarter hour around the 2026 DST changes', () => {
    // DST changes and local midnights fall on half and quarter hours in some zones: -1 ms and 0 around each.
    const spans = [
      [Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 10)],
      [Date.UTC(2026, 8, 28), Date.UTC(2026, 10, 5)],
    ];
    for (const zone of ['Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Berlin']) {
      for (const [from, to] of spans) {
        for (let t = from; t < to; t += HOUR / 4) {
          for (const iso of [new Date(t - 1).toISOString(), new Date(t).toISOString()]) {
            const got = allDayInstant(iso, zone);
            if (got !== reference(iso, zone)) expect(got, `${iso} in ${zone}`).toBe(reference(iso, zone));
          }
        }
      }
    }
  });

  it('keeps a date Intl writes with fewer than four year digits, and the day Samoa skipped', () => {
    for (const iso of ['0999-06-01T12:00:00.000Z', '0099-01-01T00:00:00.000Z', '2011-12-29T12:00:00.000Z', '2011-12-30T12:00:00.000Z']) {
      for (const zone of ['Pacific/Apia', 'Europe/Berlin', 'UTC']) {
        expect(allDayInstant(iso, zone)).toBe(reference(iso, zone));
        expect(allDayInstant(iso, zone)).toBe(reference(iso, zone));
      }
    }
    expect(allDayInstant('0999-06-01T12:00:00.000Z', 'UTC')).toBe('999-06-01T00:00:00.000Z');
  });

  it('reads an all-day event stored in one zone as its dates there, and as other dates elsewhere', () => {
    // A Berlin all-day event on 29 March 2026 (the DST change): local midnights 23:00Z and 22:00Z.
    expect(allDayInstant('2026-03-28T23:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-29T00:00:00.000Z');
    expect(allDayInstant('2026-03-29T22:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-30T00:00:00.000Z');
    expect(allDayInstant('2026-03-28T23:00:00.000Z', 'America/New_York')).toBe('2026-03-28T00:00:00.000Z');
    expect(localDate('2026-03-28T23:00:00.000Z', 'Asia/Kathmandu')).toBe('2026-03-29');
    expect(localDate('2026-03-28T23:00:00.000Z', 'Not/AZone')).toBe('2026-03-28');
  });
});
