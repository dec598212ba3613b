// Graph dateTimeTimeZone → UTC instant, honouring the zone Graph names. We ask for UTC (Prefer: outlook.timezone),
// but proxies and some endpoints strip that header, and Graph then answers in the mailbox's zone: a Windows name
// ("W. Europe Standard Time", the default), an IANA name (when the mailbox or the header uses one), or "UTC". A
// zone that cannot be converted (e.g. "tzone://Microsoft/Custom", "Customized Time Zone") is undefined: the caller
// leaves the item out and says so, rather than export it at a wrong time.
import { findIana } from 'windows-iana';
import { isKnownZone, localToUtcMs } from '../zoned-time.js';

export interface GraphDateTime {
  dateTime: string;
  timeZone?: string | null;
}

const UTC_NAMES = new Set(['utc', 'etc/utc', 'etc/gmt', 'gmt', 'z', 'coordinated universal time', 'tzone://microsoft/utc']);

const zoneCache = new Map<string, string | null>();

/** The IANA zone for a Graph time zone name (IANA or Windows), or undefined when there is none. */
export function ianaZoneOf(name: string): string | undefined {
  const key = name.trim();
  if (UTC_NAMES.has(key.toLowerCase())) return 'UTC';
  let z = zoneCache.get(key);
  if (z === undefined) {
    z = validZone(key) ?? findIana(key)?.find((c) => validZone(c)) ?? null;
    if (zoneCache.size < 1024) zoneCache.set(key, z);
  }
  return z ?? undefined;
}

function validZone(z: string): string | undefined {
  return (z.includes('/') || z === 'UTC') && isKnownZone(z) ? z : undefined;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

/**
 * "2026-11-25T09:00:00.0000000" in `timeZone` → "2026-11-25T08:00:00.000Z". A dateTime that carries its own
 * offset or Z is taken as it is. undefined when the text is not a date-time or the zone is unknown.
 */
export function graphInstant(t: GraphDateTime): string | undefined {
  const text = t.dateTime?.trim() ?? '';
  if (/(?:[zZ]|[+-]\d\d:\d\d)$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
  }
  const m = WALL.exec(text);
  if (!m) return undefined;
  const zone = ianaZoneOf(t.timeZone || 'UTC');
  if (!zone) return undefined;
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0), ms);
  if (zone === 'UTC') return new Date(wall).toISOString();
  // The earlier instant when the clock repeats; inside the spring-forward gap, the offset before the change.
  const utc = localToUtcMs(zone, `${m[1]}-${m[2]}-${m[3]}`, `${m[4]}:${m[5]}:${m[6] ?? '00'}`) + ms;
  return new Date(utc).toISOString();
}
