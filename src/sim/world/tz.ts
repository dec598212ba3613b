// Time-zone arithmetic with Intl only: recurrence must be expanded in the series' own zone so that a
// 10:00 meeting stays at 10:00 local time across DST changes (its UTC instant moves instead).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
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

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Local parts straight from Intl: exact, but the simulator's hottest call when expanding series. */
export function intlLocalParts(timeZone: string, instantMs: number): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
}

function intlOffsetMs(timeZone: string, instantMs: number): number {
  const p = intlLocalParts(timeZone, instantMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

// Zone offsets change only at transitions, which (nearly always) fall on quarter hours.
// An offset is cached per quarter hour when it is the same at both ends of it; a quarter hour with a
// transition inside is never cached and asks Intl each time.
const BUCKET_MS = 15 * 60_000;
const UNCACHEABLE = Number.NaN;
const offsetCache = new Map<string, Map<number, number>>();
const MAX_BUCKETS_PER_ZONE = 500_000;

/** Offset of the zone from UTC at an instant, in milliseconds (Berlin in summer: +7 200 000). */
export function offsetMs(timeZone: string, instantMs: number): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map<number, number>()));
  const bucket = Math.floor(instantMs / BUCKET_MS);
  let cached = zone.get(bucket);
  if (cached === undefined) {
    const first = intlOffsetMs(timeZone, bucket * BUCKET_MS);
    const last = intlOffsetMs(timeZone, (bucket + 1) * BUCKET_MS - 1000);
    cached = first === last ? first : UNCACHEABLE;
    if (zone.size >= MAX_BUCKETS_PER_ZONE) zone.clear();
    zone.set(bucket, cached);
  }
  return Number.isNaN(cached) ? intlOffsetMs(timeZone, instantMs) : cached;
}

export function localParts(timeZone: string, instantMs: number): LocalParts {
  const d = new Date(Math.floor(instantMs / 1000) * 1000 + offsetMs(timeZone, instantMs));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * UTC instant of a local wall-clock time. A time inside a spring-forward gap moves forward by the gap
 * (02:30 on the changeover day in Berlin becomes 03:30 local), as Exchange and Outlook do.
 */
export function localToUtc(timeZone: string, p: Omit<LocalParts, 'second'> & { second?: number }): number {
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second ?? 0);
  const first = wall - offsetMs(timeZone, wall);
  const second = wall - offsetMs(timeZone, first);
  if (second === first) return first;
  // Two candidates: take the one whose local time round-trips; in a gap neither does, use the later offset.
  for (const candidate of [first, second]) {
    const back = localParts(timeZone, candidate);
    if (back.hour === p.hour && back.minute === p.minute && back.day === p.day) return candidate;
  }
  return Math.max(first, second);
}

/** Calendar date helpers on plain YYYY-MM-DD strings (no zone involved). */
export function dateToDays(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function daysToDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return daysToDate(dateToDays(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (dateToDays(date) + 4) % 7; // 1970-01-01 was a Thursday
}

export function localDate(timeZone: string, instantMs: number): string {
  const p = localParts(timeZone, instantMs);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Midnight of a local date in a zone, as a UTC instant. */
export function localMidnight(timeZone: string, date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localToUtc(timeZone, { year: y, month: m, day: d, hour: 0, minute: 0 });
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
