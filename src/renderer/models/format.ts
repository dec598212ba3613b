// One way to write dates and times everywhere in the UI: the user's regional format (navigator.language when it
// is a variant of the UI language, else the UI language), the viewer's time zone, and that zone always written
// out. All-day items are dates, never times: they are stored as [date 00:00Z, next date 00:00Z) and must not
// shift a day west of Greenwich.
import type { NormalisedEvent } from '../../shared/model.js';

/** The locale dates are written in: the browser's regional variant of the UI language (en-GB, de-AT), else the UI language. */
export function dateLocale(lang: string, browser: string | undefined = globalThis.navigator?.language): string {
  return browser && browser.slice(0, 2).toLowerCase() === lang.slice(0, 2).toLowerCase() ? browser : lang;
}

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(lang: string, opts: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const locale = dateLocale(lang);
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...opts, ...(timeZone ? { timeZone } : {}) });
    cache.set(key, f);
  }
  return f;
}

/** "2 Jun 2026, 09:30 CEST": date, time and zone. */
export function formatDateTime(iso: string | undefined, lang: string, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return fmt(lang, { ...DATE, ...TIME, timeZoneName: 'short' }, timeZone).format(d);
}

/** "14:03:05 CET": a time later today (a server's wait), with seconds and the zone written out. */
export function formatTimeOfDay(iso: string, lang: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return fmt(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }, timeZone).format(d);
}

/** "09:30:05.123" in the viewer's zone (or `timeZone`), for a log line; the zone is written once above the lines. */
export function formatClock(iso: string, lang: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return fmt(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hourCycle: 'h23' }, timeZone).format(
    d,
  );
}

/** "2 Jun 2026" for a calendar date (YYYY-MM-DD or an all-day start at 00:00Z). */
export function formatDate(iso: string, lang: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);
  return fmt(lang, DATE, 'UTC').format(d);
}

/** The viewer's zone as the UI writes it ("CEST", "GMT+2"), for headings such as "Times in CEST". */
export function zoneName(lang: string, at = new Date(), timeZone?: string): string {
  const part = fmt(lang, { timeZoneName: 'short' }, timeZone)
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/**
 * An event's time span: "2 Jun 2026, 09:00 – 10:00 CEST", across days "2 Jun 2026, 22:00 – 3 Jun 2026, 01:00 CEST";
 * all-day "6 Dec 2026 – 8 Dec 2026 (all day)" (the stored end is the day after the last day).
 */
export function formatEventTime(
  e: Pick<NormalisedEvent, 'start' | 'end' | 'isAllDay'>,
  lang: string,
  allDayLabel: string,
  timeZone?: string,
): string {
  const start = new Date(e.start);
  const end = new Date(e.end);
  if (e.isAllDay) {
    const d = fmt(lang, DATE, 'UTC');
    const lastDay = new Date(Math.max(start.getTime(), end.getTime() - 86_400_000));
    const same = lastDay.getTime() <= start.getTime();
    return `${same ? d.format(start) : `${d.format(start)} – ${d.format(lastDay)}`} (${allDayLabel})`;
  }
  const day = (x: Date) => fmt('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone).format(x);
  const from = fmt(lang, { ...DATE, ...TIME }, timeZone).format(start);
  const until = fmt(lang, day(start) === day(end) ? TIME : { ...DATE, ...TIME }, timeZone).format(end);
  return `${from} – ${until} ${zoneName(lang, start, timeZone)}`;
}

/** "850 ms", "1.5 s", "2 min 5 s" in the language's number format. */
export function formatDuration(ms: number, lang: string): string {
  const n = (v: number, unit: string, digits = 0) =>
    new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(v);
  if (ms < 1000) return n(Math.round(ms), 'millisecond');
  const s = ms / 1000;
  if (s < 60) return n(s, 'second', 1);
  const m = Math.floor(s / 60);
  return `${n(m, 'minute')} ${n(Math.round(s - m * 60), 'second')}`;
}

/** Bytes as "12 KB", "3.4 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return new Intl.NumberFormat(lang, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i ? 1 : 0 }).format(v);
}
