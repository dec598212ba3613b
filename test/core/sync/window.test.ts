import { describe, expect, it } from 'vitest';
import { jobWindow, newSlices, overlaps } from '../../../src/core/sync/window.js';

describe('job window', () => {
  it('spans whole UTC days from daysBack ago to the end of daysAhead', () => {
    const w = jobWindow(new Date('2026-03-10T23:59:00Z'), { daysBack: 2, daysAhead: 3 });
    expect(w.from.toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(w.to.toISOString()).toBe('2026-03-14T00:00:00.000Z');
  });

  it('a day later only the new day needs reading', () => {
    const a = jobWindow(new Date('2026-03-10T10:00:00Z'), { daysBack: 2, daysAhead: 3 });
    const b = jobWindow(new Date('2026-03-11T10:00:00Z'), { daysBack: 2, daysAhead: 3 });
    expect(newSlices(a, b).map((s) => [s.from.toISOString(), s.to.toISOString()])).toEqual([
      ['2026-03-14T00:00:00.000Z', '2026-03-15T00:00:00.000Z'],
    ]);
    expect(newSlices(b, a).map((s) => s.from.toISOString())).toEqual(['2026-03-08T00:00:00.000Z']);
    expect(newSlices(a, a)).toEqual([]);
  });

  it('treats events as overlapping like a calendar view (start < to, end > from; zero-length at the start counts)', () => {
    const w = { from: new Date('2026-03-10T00:00:00Z'), to: new Date('2026-03-11T00:00:00Z') };
    expect(overlaps({ start: '2026-03-09T00:00:00.000Z', end: '2026-03-10T00:00:00.000Z' }, w)).toBe(false);
    expect(overlaps({ start: '2026-03-09T23:00:00.000Z', end: '2026-03-10T01:00:00.000Z' }, w)).toBe(true);
    expect(overlaps({ start: '2026-03-11T00:00:00.000Z', end: '2026-03-11T01:00:00.000Z' }, w)).toBe(false);
    expect(overlaps({ start: '2026-03-10T00:00:00.000Z', end: '2026-03-10T00:00:00.000Z' }, w)).toBe(true);
  });
});
