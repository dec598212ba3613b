import { describe, expect, it } from 'vitest';
import { intlLocalParts, localParts, localToUtc, offsetMs } from '../../../src/sim/world/tz.js';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'UTC'];

// A deterministic spread of instants: every 7 minutes 13 seconds across two years, plus each zone's transitions.
function instants(): number[] {
  const out: number[] = [];
  for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 433_000 * 11) out.push(t + (out.length % 997));
  return out;
}

describe('sim time zones: cached offsets equal Intl', () => {
  it.each(ZONES)('%s: localParts matches Intl at every sampled instant', (zone) => {
    const mismatches = instants().filter((t) => JSON.stringify(localParts(zone, t)) !== JSON.stringify(intlLocalParts(zone, t)));
    expect(mismatches).toEqual([]);
  });

  it('is exact on both sides of a transition (Berlin spring forward 2026-03-29 01:00Z)', () => {
    const change = Date.UTC(2026, 2, 29, 1, 0, 0);
    expect(offsetMs('Europe/Berlin', change - 1000)).toBe(3_600_000);
    expect(offsetMs('Europe/Berlin', change)).toBe(7_200_000);
    expect(localParts('Europe/Berlin', change - 1000)).toMatchObject({ hour: 1, minute: 59, second: 59 });
    expect(localParts('Europe/Berlin', change)).toMatchObject({ hour: 3, minute: 0, second: 0 });
  });

  it('Lord Howe half-hour DST: a local time in the gap moves forward', () => {
    // 2026-10-04 02:00 local (UTC+10:30) jumps to 02:30 (UTC+11).
    const t = localToUtc('Australia/Lord_Howe', { year: 2026, month: 10, day: 4, hour: 2, minute: 15 });
    expect(intlLocalParts('Australia/Lord_Howe', t)).toMatchObject({ hour: 2, minute: 45 });
  });
});

describe('sim time zones: a transition inside a quarter hour', () => {
  it('Africa/Monrovia 1972 (−0:44:30 → UTC) stays exact around the change', () => {
    const around = Date.UTC(1972, 0, 7, 0, 30);
    const samples = Array.from({ length: 120 }, (_, i) => around + i * 30_000);
    const offsets = new Set(samples.map((t) => offsetMs('Africa/Monrovia', t)));
    expect(offsets.size).toBe(2);
    for (const t of samples) expect(localParts('Africa/Monrovia', t)).toEqual(intlLocalParts('Africa/Monrovia', t));
  });
});
