// Local dates and midnights in an IANA zone, for the write direction and presence: normalised all-day items
// are [date 00:00Z, next date 00:00Z) while Exchange stores them from local midnight to local midnight.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the zone (Intl throws a RangeError otherwise). */
export function isKnownZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone from UTC at an instant, in milliseconds (Berlin in winter: +3 600 000). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(timeZone: string, instantMs: number): string {
  return new Date(instantMs + zoneOffsetMs(timeZone, instantMs)).toISOString().slice(0, 10);
}

/** The UTC instant of a local wall-clock time in a zone (the earlier one when the clock repeats). */
export function localToUtcMs(timeZone: string, date: string, time = '00:00:00'): number {
  const wall = Date.parse(`${date}T${time}Z`);
  // Two passes settle the offset across a DST change (the offset at the guess may differ from the result's).
  let guess = wall - zoneOffsetMs(timeZone, wall);
  guess = wall - zoneOffsetMs(timeZone, guess);
  return guess;
}

/** Local midnight of a date in a zone, as a UTC ISO string. */
export function localMidnightIso(timeZone: string, date: string): string {
  return new Date(localToUtcMs(timeZone, date)).toISOString();
}

export function addDaysToDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
