// RecurrenceType, Modified/DeletedOccurrences and First/LastOccurrence as Exchange serialises them.
import type { SimEvent } from '../world/types.js';
import { occurrenceId } from '../world/ids.js';
import { seriesOccurrences } from '../world/recurrence.js';
import { offsetMs } from '../world/tz.js';
import { esc } from '../xml/escape.js';
import { ewsDate } from './values.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const INDEX = ['', 'First', 'Second', 'Third', 'Fourth', 'Last'];

/** Recurrence dates carry the series zone's offset, e.g. 2026-03-23+01:00, as Exchange writes them. */
function dateWithOffset(date: string, timeZone: string): string {
  const off = offsetMs(timeZone, Date.parse(`${date}T12:00:00Z`)) / 60_000;
  if (off === 0) return `${date}Z`;
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${date}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function recurrenceXml(ev: SimEvent): string {
  const r = ev.recurrence!;
  const p = r.pattern;
  let pattern: string;
  switch (p.kind) {
    case 'daily':
      pattern = `<t:DailyRecurrence><t:Interval>${p.interval}</t:Interval></t:DailyRecurrence>`;
      break;
    case 'weekly':
      pattern =
        `<t:WeeklyRecurrence><t:Interval>${p.interval}</t:Interval><t:DaysOfWeek>${p.daysOfWeek.map((d) => DAYS[d]).join(' ')}</t:DaysOfWeek>` +
        `<t:FirstDayOfWeek>${DAYS[p.firstDayOfWeek]}</t:FirstDayOfWeek></t:WeeklyRecurrence>`;
      break;
    case 'absoluteMonthly':
      pattern = `<t:AbsoluteMonthlyRecurrence><t:Interval>${p.interval}</t:Interval><t:DayOfMonth>${p.dayOfMonth}</t:DayOfMonth></t:AbsoluteMonthlyRecurrence>`;
      break;
    case 'relativeMonthly':
      pattern =
        `<t:RelativeMonthlyRecurrence><t:Interval>${p.interval}</t:Interval><t:DaysOfWeek>${DAYS[p.dayOfWeek]}</t:DaysOfWeek>` +
        `<t:DayOfWeekIndex>${INDEX[p.weekIndex]}</t:DayOfWeekIndex></t:RelativeMonthlyRecurrence>`;
      break;
    case 'absoluteYearly':
      pattern = `<t:AbsoluteYearlyRecurrence><t:DayOfMonth>${p.dayOfMonth}</t:DayOfMonth><t:Month>${MONTHS[p.month - 1]}</t:Month></t:AbsoluteYearlyRecurrence>`;
      break;
  }
  const g = r.range;
  const start = `<t:StartDate>${dateWithOffset(g.startDate, ev.timeZone)}</t:StartDate>`;
  const range =
    g.kind === 'endDate'
      ? `<t:EndDateRecurrence>${start}<t:EndDate>${dateWithOffset(g.endDate, ev.timeZone)}</t:EndDate></t:EndDateRecurrence>`
      : g.kind === 'numbered'
        ? `<t:NumberedRecurrence>${start}<t:NumberOfOccurrences>${g.count}</t:NumberOfOccurrences></t:NumberedRecurrence>`
        : `<t:NoEndRecurrence>${start}</t:NoEndRecurrence>`;
  return `<t:Recurrence>${pattern}${range}</t:Recurrence>`;
}

function occurrenceInfo(tag: string, ev: SimEvent, originalStart: string, start: string, end: string): string {
  const x = ev.exceptions[originalStart];
  const id = x?.id ?? occurrenceId(ev.id, originalStart);
  const ck = x?.changeKey ?? ev.changeKey;
  return `<t:${tag}><t:ItemId Id="${esc(id)}" ChangeKey="${esc(ck)}"/><t:Start>${ewsDate(start)}</t:Start><t:End>${ewsDate(end)}</t:End><t:OriginalStart>${ewsDate(originalStart)}</t:OriginalStart></t:${tag}>`;
}

export function firstLastXml(ev: SimEvent, which: 'FirstOccurrence' | 'LastOccurrence'): string {
  const bounded = ev.recurrence!.range.kind !== 'noEnd';
  if (which === 'LastOccurrence' && !bounded) return '';
  const all = seriesOccurrences(ev, Date.parse(ev.start) + 5 * 366 * 86_400_000).filter(
    (o) => !ev.deletedOccurrences.includes(o.originalStart),
  );
  const o = which === 'FirstOccurrence' ? all[0] : all.at(-1);
  if (!o) return '';
  const x = ev.exceptions[o.originalStart];
  return occurrenceInfo(which, ev, o.originalStart, x?.start ?? o.start, x?.end ?? o.end);
}

export function modifiedOccurrencesXml(ev: SimEvent): string {
  const entries = Object.entries(ev.exceptions).sort(([a], [b]) => (a < b ? -1 : 1));
  if (!entries.length) return '';
  const durationMs = Date.parse(ev.end) - Date.parse(ev.start);
  return `<t:ModifiedOccurrences>${entries
    .map(([orig, x]) =>
      occurrenceInfo('Occurrence', ev, orig, x.start ?? orig, x.end ?? new Date(Date.parse(x.start ?? orig) + durationMs).toISOString()),
    )
    .join('')}</t:ModifiedOccurrences>`;
}

export function deletedOccurrencesXml(ev: SimEvent): string {
  if (!ev.deletedOccurrences.length) return '';
  return `<t:DeletedOccurrences>${[...ev.deletedOccurrences]
    .sort()
    .map((s) => `<t:DeletedOccurrence><t:Start>${ewsDate(s)}</t:Start></t:DeletedOccurrence>`)
    .join('')}</t:DeletedOccurrences>`;
}
