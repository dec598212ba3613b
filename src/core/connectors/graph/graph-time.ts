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
/** The same answers by the name exactly as Graph sent it: a hit costs one lookup (no trimming, no lower-casing). */
const byRawName = new Map<string, string | null>();

/** The IANA zone for a Graph time zone name (IANA or Windows), or undefined when there is none. */
export function ianaZoneOf(name: string): string | undefined {
  const known = byRawName.get(name);
  if (known !== undefined) return known ?? undefined;
  const zone = zoneOfName(name);
  if (byRawName.size < 1024) byRawName.set(name, zone ?? null);
  return zone;
}

function zoneOfName(name: string): string | undefined {
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
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of the two digits at `i`, or -1 when either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * True when `s` starts with "YYYY-MM-DDTHH:MM:SS" naming a real moment (year 1000–9999, day within its month,
 * hour 0–23): the first 19 characters of that moment's ISO form are then s's own, so it needs no Date.
 */
function plainWall(s: string): boolean {
  if (s.length < 19 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return false;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  const hi = twoDigits(s, 0);
  const lo = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (hi < 10 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return false;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  const year = hi * 100 + lo;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** True when the characters from `from` to the end are 1–`max` digits. */
function digitsToEnd(s: string, from: number, max: number): boolean {
  const n = s.length - from;
  if (n < 1 || n > max) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The ISO instant of a date-time in the shapes Graph sends, built from its own characters: a UTC wall time
 * ("2026-11-25T09:00:00" with up to 7 fraction digits, `utc` true) or an instant with Z ("…:00Z", "…:00.000Z").
 * Exactly what Date would print for it; undefined for every other text (the caller goes through Date).
 */
function isoOfPlain(s: string, utc: boolean): string | undefined {
  if (!plainWall(s)) return undefined;
  const n = s.length;
  if (s.charCodeAt(n - 1) === 90 /* Z */) {
    if (n === 20) return `${s.slice(0, 19)}.000Z`;
    return n === 24 && s.charCodeAt(19) === 46 && digitsToEnd(s.slice(0, 23), 20, 3) ? s : undefined;
  }
  if (!utc) return undefined;
  if (n === 19) return `${s}.000Z`;
  if (s.charCodeAt(19) !== 46 /* . */ || !digitsToEnd(s, 20, 7)) return undefined;
  return `${s.slice(0, 19)}.${n >= 23 ? s.slice(20, 23) : s.slice(20).padEnd(3, '0')}Z`;
}

/** An instant Graph sends as text (lastModifiedDateTime…) in its ISO form, as `new Date(text).toISOString()` gives it. */
export function isoInstant(text: string): string {
  return (typeof text === 'string' ? isoOfPlain(text, false) : undefined) ?? new Date(text).toISOString();
}

/**
 * "2026-11-25T09:00:00.0000000" in `timeZone` → "2026-11-25T08:00:00.000Z". A dateTime that carries its own
 * offset or Z is taken as it is. undefined when the text is not a date-time or the zone is unknown.
 */
export function graphInstant(t: GraphDateTime): string | undefined {
  const raw = t.dateTime;
  // Graph's own shapes (UTC as asked for, or an instant with Z) need no regular expression and no Date.
  if (typeof raw === 'string') {
    const plain = isoOfPlain(raw, !t.timeZone || t.timeZone === 'UTC');
    if (plain) return plain;
  }
  const text = raw?.trim() ?? '';
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
