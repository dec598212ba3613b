// All-day events: Exchange stores them as local midnights in the event's own zone; the normalised event keeps
// their dates as [date 00:00Z, next date 00:00Z).
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

// All-day items repeat the same few midnights across a calendar (and across mailboxes in one zone): the answer
// per zone and instant is remembered (bounded), since formatToParts costs microseconds per call.
const dates = new Map<string, string>();

/** YYYY-MM-DD of an instant as seen in an IANA zone (UTC when the zone is unknown to this runtime). */
export function localDate(instantIso: string, ianaZone: string): string {
  const key = `${ianaZone}|${instantIso}`;
  let date = dates.get(key);
  if (date === undefined) {
    const at = new Date(instantIso);
    const f = dateFormat(ianaZone);
    if (!f) date = at.toISOString().slice(0, 10);
    else {
      const parts = f.formatToParts(at);
      const get = (t: string) => parts.find((p) => p.type === t)!.value;
      date = `${get('year')}-${get('month')}-${get('day')}`;
    }
    if (dates.size >= 20_000) dates.clear();
    dates.set(key, date);
  }
  return date;
}

export function allDayInstant(instantIso: string, ianaZone: string): string {
  return `${localDate(instantIso, ianaZone)}T00:00:00.000Z`;
}
