// Times as the UI writes them: a log line's clock time is in the viewer's zone, like every other time on screen
// (never the UTC digits cut out of the ISO string), with milliseconds; the zone is written once, above the lines.
import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, zoneName } from '../../../src/renderer/models/format.js';

describe('formatClock', () => {
  it('writes a log time in the given zone, 24-hour, with milliseconds', () => {
    expect(formatClock('2026-12-06T21:56:17.933Z', 'de', 'Europe/Berlin')).toBe('22:56:17,933');
    expect(formatClock('2026-07-06T21:56:17.933Z', 'en', 'Europe/Amsterdam')).toBe('23:56:17.933');
    expect(formatClock('2026-12-06T09:05:00.000Z', 'en', 'UTC')).toBe('09:05:00.000');
  });

  it('agrees with the zone named above the lines and with the full date and time', () => {
    const iso = '2026-12-06T21:56:17.933Z';
    expect(zoneName('de', new Date(iso), 'Europe/Berlin')).toBe('MEZ');
    expect(formatDateTime(iso, 'de', 'Europe/Berlin')).toContain('22:56');
  });

  it('shows a value that is no time as it is', () => {
    expect(formatClock('not a time', 'en')).toBe('not a time');
  });
});
