// iCalendar in series mode: one VEVENT per series with RRULE (or RDATE) and EXDATE, in the series' own time zone
// with its VTIMEZONE block, plus one VEVENT with RECURRENCE-ID for each occurrence that differs from the series
// (moved, shortened, renamed, cancelled). Calendar clients import it as one series; over the export window it
// expands to exactly the occurrences the flattened mode lists (series-pattern.ts says how the rule is found).
// Single events are written as in the flattened mode. The output is buffered per file: a series is known only
// once all its occurrences are in.
import ical, { type ICalEventData } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { EventField } from '../../../shared/event-fields.js';
import type { NormalisedEvent } from '../../../shared/model.js';
import { omit } from '../../../shared/omit.js';
import { isKnownZone, zoneOffsetMs } from '../../connectors/zoned-time.js';
import { icsEventData, withoutEmptySummary } from './ics.js';
import { foldIcsLines } from './ics-fold.js';
import { orderedEvent } from './json.js';
import { seriesPattern } from './series-pattern.js';
import { calendarNameOf, type EventEncoder, type FolderMeta } from './types.js';

const DAY = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** A wall time (UTC fields) as an iCalendar DATE-TIME without zone, or a DATE. */
function stamp(ms: number, dateOnly = false): string {
  const d = new Date(ms);
  const date = `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  return dateOnly ? date : `${date}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** The VTIMEZONE block of an IANA zone, or undefined when the library does not know it. */
function vtimezone(zone: string): string | undefined {
  if (!isKnownZone(zone) || /^(UTC|Etc\/UTC|GMT)$/i.test(zone)) return undefined;
  const block = tzlib_get_ical_block(zone)[0];
  return typeof block === 'string' && block.startsWith('BEGIN:VTIMEZONE') ? block : undefined;
}

/** What makes two occurrences of a series the same apart from their time. */
function content(e: NormalisedEvent): string {
  return JSON.stringify(omit(orderedEvent(e), 'id', 'start', 'end', 'originalStart', 'lastModified'));
}

interface SeriesContext {
  zone?: string;
  /** Instant → wall time in the series' zone (identity for UTC and all-day). */
  wall(ms: number): number;
}

function seriesLines(occurrences: NormalisedEvent[], base: NormalisedEvent, ctx: SeriesContext): string {
  const allDay = base.isAllDay;
  const walls = [...new Set(occurrences.map((o) => ctx.wall(Date.parse(o.originalStart!))))].sort((a, b) => a - b);
  const p = seriesPattern(walls);
  const param = allDay ? ';VALUE=DATE' : ctx.zone ? `;TZID=${ctx.zone}` : '';
  const value = (ms: number) => (allDay ? stamp(ms, true) : ctx.zone ? stamp(ms) : `${stamp(ms)}Z`);
  const lastInstant = Math.max(...occurrences.map((o) => Date.parse(o.originalStart!)));
  const lines: string[] = [];
  // UNTIL is UTC for a zoned DTSTART and a DATE for an all-day one (RFC 5545 3.3.10). It lies half a day after the
  // last occurrence: some readers (python recurring-ical-events 2.0) compare it in the offset DTSTART had, which
  // drops the last occurrence once a DST change lies between; the next slot of any rule is at least 23 hours away.
  const until = allDay ? stamp(walls[walls.length - 1], true) : `${stamp(lastInstant + DAY / 2)}Z`;
  if (p.rule) lines.push(`RRULE:${p.rule};UNTIL=${until}`);
  if (p.exdates.length) lines.push(`EXDATE${param}:${p.exdates.map(value).join(',')}`);
  if (p.rdates.length) lines.push(`RDATE${param}:${p.rdates.map(value).join(',')}`);
  return lines.join('\n');
}

export function createIcsSeriesEncoder(meta: FolderMeta, fields?: readonly EventField[]): EventEncoder {
  const eventData = (e: NormalisedEvent) => icsEventData(e, fields);
  const trim = withoutEmptySummary(fields);
  const cal = ical({
    name: calendarNameOf(meta).replace(/[\r\n]+/g, ' '),
    prodId: { company: 'Calpump', product: 'Calpump', language: 'EN' },
  });
  const order: string[] = [];
  const singles = new Map<string, NormalisedEvent>();
  const series = new Map<string, NormalisedEvent[]>();
  const write = (data: ICalEventData) => {
    const text = trim(cal.createEvent(data).toString());
    cal.clear();
    return foldIcsLines(text).replace(/\r?\n?$/, '\r\n');
  };
  return {
    format: 'ics',
    extension: 'ics',
    mediaType: 'text/calendar',
    begin: () => '',
    event(e) {
      if (!e.originalStart) {
        order.push(`s:${e.iCalUId}:${order.length}`);
        singles.set(order[order.length - 1], e);
      } else {
        if (!series.has(e.iCalUId)) order.push(`r:${e.iCalUId}`);
        series.set(e.iCalUId, [...(series.get(e.iCalUId) ?? []), e]);
      }
      return '';
    },
    end() {
      const zones = new Map<string, string>();
      const body: string[] = [];
      for (const key of order) {
        const single = singles.get(key);
        if (single) {
          body.push(write(eventData(single)));
          continue;
        }
        const occurrences = series.get(key.slice(2))!;
        const unmoved = occurrences.filter((o) => o.start === o.originalStart);
        const base = unmoved[0] ?? occurrences[0];
        const block = base.isAllDay ? undefined : vtimezone(base.timeZone);
        if (block) zones.set(base.timeZone, block);
        const zone = block ? base.timeZone : undefined;
        const ctx: SeriesContext = { zone, wall: (ms) => (zone ? ms + zoneOffsetMs(zone, ms) : ms) };
        const at = (iso: string) => new Date(ctx.wall(Date.parse(iso)));
        const duration = Date.parse(base.end) - Date.parse(base.start);
        const first = Math.min(...occurrences.map((o) => ctx.wall(Date.parse(o.originalStart!))));
        body.push(
          write({
            ...eventData(base),
            start: new Date(first),
            end: new Date(first + duration),
            recurrenceId: undefined,
            timezone: zone ?? null,
            repeating: seriesLines(occurrences, base, ctx) || null,
          }),
        );
        const same = content(base);
        for (const o of occurrences) {
          const moved = o.start !== o.originalStart || Date.parse(o.end) - Date.parse(o.start) !== duration;
          if (!moved && content(o) === same) continue;
          body.push(
            write(
              o.isAllDay
                ? eventData(o)
                : { ...eventData(o), start: at(o.start), end: at(o.end), recurrenceId: at(o.originalStart!), timezone: zone ?? null },
            ),
          );
        }
      }
      const header = cal.toString().replace(/END:VCALENDAR$/, '');
      return `${header}${[...zones.values()].map((z) => `${z}\r\n`).join('')}${body.join('')}END:VCALENDAR\r\n`;
    },
  };
}
