import { describe, expect, it } from 'vitest';
import { seriesPattern } from '../../../../src/core/export/formats/series-pattern.js';

const at = (iso: string) => Date.parse(`${iso}Z`);

describe('seriesPattern', () => {
  it('finds a weekly rule on several weekdays, with the missing slot as EXDATE', () => {
    // Mon 2 March, Wed 4, (Mon 9 deleted), Wed 11, Mon 16 — 10:00 wall time.
    const p = seriesPattern(['2026-03-02T10:00', '2026-03-04T10:00', '2026-03-11T10:00', '2026-03-16T10:00'].map(at));
    expect(p).toEqual({ rule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;WKST=MO', exdates: [at('2026-03-09T10:00')], rdates: [] });
  });

  it('finds daily and monthly rules with their interval', () => {
    expect(seriesPattern(['2026-03-01T08:15', '2026-03-03T08:15', '2026-03-05T08:15'].map(at)).rule).toBe('FREQ=DAILY;INTERVAL=2');
    expect(seriesPattern(['2026-01-15T13:00', '2026-02-15T13:00', '2026-03-15T13:00', '2026-04-15T13:00'].map(at)).rule).toBe(
      'FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=15',
    );
  });

  it('lists the occurrences (RDATE) when their wall times differ or no rule fits', () => {
    const mixed = ['2026-03-02T10:00', '2026-03-03T11:00'].map(at);
    expect(seriesPattern(mixed)).toEqual({ exdates: [], rdates: [mixed[1]] });
    const scattered = ['2026-03-02T10:00', '2026-03-03T10:00', '2026-05-29T10:00'].map(at);
    expect(seriesPattern(scattered).rule).toBeUndefined();
    expect(seriesPattern(scattered).rdates).toEqual(scattered.slice(1));
    expect(seriesPattern([at('2026-03-02T10:00')])).toEqual({ exdates: [], rdates: [] });
  });
});
