// All-day events: Exchange stores them as local midnights in the event's own zone; the normalised event keeps
// their dates as [date 00:00Z, next date 00:00Z).
import { flatCopy } from '../xml/known-names.js';

// One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it.
const dateFormats = new Map<string, Intl.DateTimeFormat | null>();
function dateFormat(ianaZone: string): Intl.DateTimeFormat | null {
  let f = dateFormats.get(ianaZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone: ianaZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = null;
    }
    if (dateFormats.size < 512) dateFormats.set(ianaZone, f);
  }
  return f;
}

/** What en-CA's format() gives for the dates it writes as year-month-day with four-digit years. */
const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD of an instant in a zone, from Intl (no cache). */
function formatDate(instantIso: string, ianaZone: string): string {
  const at = new Date(instantIso);
  const f = dateFormat(ianaZone);
  if (!f) return at.toISOString().slice(0, 10);
  // format() is a few times cheaper than formatToParts(); its parts are taken only when it says anything else.
  const whole = f.format(at);
  if (YMD.test(whole)) return whole;
  const parts = f.formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

// All-day items repeat the same few midnights across a calendar (and across mailboxes in one zone): the answer
// per zone and instant is remembered (bounded), one map per zone so a lookup builds no key string. Misses are one
// per zone and local day whatever the cache is keyed by, since every all-day instant is a local midnight.
const MAX_DATES = 20_000;
const MAX_ZONES = 512;
const byZone = new Map<string, Map<string, string>>();
let cached = 0;

/** `YYYY-MM-DDT00:00:00.000Z` for the local date of an instant in an IANA zone (UTC when the zone is unknown here). */
export function allDayInstant(instantIso: string, ianaZone: string): string {
  let dates = byZone.get(ianaZone);
  let v = dates?.get(instantIso);
  if (v !== undefined) return v;
  v = `${formatDate(instantIso, ianaZone)}T00:00:00.000Z`;
  if (cached >= MAX_DATES) {
    byZone.clear();
    cached = 0;
    dates = undefined;
  }
  if (dates === undefined && byZone.size < MAX_ZONES) byZone.set(ianaZone, (dates = new Map<string, string>()));
  if (dates !== undefined) {
    // A copy: the instant may be cut out of an answer, which the cache must not keep alive.
    dates.set(flatCopy(instantIso), v);
    cached++;
  }
  return v;
}

/** YYYY-MM-DD of an instant as seen in an IANA zone (UTC when the zone is unknown to this runtime). */
export function localDate(instantIso: string, ianaZone: string): string {
  return allDayInstant(instantIso, ianaZone).slice(0, 10);
}
