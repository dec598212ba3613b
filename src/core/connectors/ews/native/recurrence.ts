// <t:Recurrence> of a series master (MS-OXWSCDATA RecurrenceType) → the normalised Recurrence: one pattern element
// (Daily, Weekly, AbsoluteMonthly, RelativeMonthly, AbsoluteYearly, RelativeYearly — the task-only Regeneration
// patterns are not calendar patterns) and one range element (NoEnd, EndDate, Numbered). Exchange writes range
// dates with the series zone's offset ("2026-03-02+01:00"); the calendar date is the part before it.
import type { Recurrence, Weekday } from '../../../../shared/model.js';
import { child, type XmlNode } from '../xml/safe-xml.js';

const WEEK: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** DayOfWeekType: a day, or Day / Weekday / WeekendDay for the relative patterns. */
const DAYS: Record<string, readonly Weekday[]> = {
  ...Object.fromEntries(WEEK.map((d) => [d[0].toUpperCase() + d.slice(1), [d]])),
  Day: WEEK,
  Weekday: WEEK.slice(1, 6),
  WeekendDay: ['saturday', 'sunday'],
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const INDEX: Record<string, Recurrence['index']> = { First: 'first', Second: 'second', Third: 'third', Fourth: 'fourth', Last: 'last' };
const TYPES: Record<string, Recurrence['type']> = {
  DailyRecurrence: 'daily',
  WeeklyRecurrence: 'weekly',
  AbsoluteMonthlyRecurrence: 'absoluteMonthly',
  RelativeMonthlyRecurrence: 'relativeMonthly',
  AbsoluteYearlyRecurrence: 'absoluteYearly',
  RelativeYearlyRecurrence: 'relativeYearly',
};
const RANGES: Record<string, Recurrence['range']> = {
  NoEndRecurrence: 'noEnd',
  EndDateRecurrence: 'endDate',
  NumberedRecurrence: 'numbered',
};

const text = (n: XmlNode, name: string) => child(n, name)?.text.trim() ?? '';
const int = (s: string) => (/^\d+$/.test(s) ? Number(s) : undefined);
/** "2026-03-02+01:00", "2026-03-02Z", "2026-03-02" → "2026-03-02". */
const dateOf = (s: string) => (/^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined);

function days(list: string): Weekday[] | undefined {
  const out = new Set<Weekday>();
  for (const name of list.split(/\s+/)) for (const d of DAYS[name] ?? []) out.add(d);
  return out.size ? WEEK.filter((d) => out.has(d)) : undefined;
}

/** The pattern and range of a <t:Recurrence> element; undefined when it holds no calendar pattern or no range. */
export function readRecurrence(node: XmlNode | undefined): Recurrence | undefined {
  if (!node) return undefined;
  const p = node.children.find((c) => c.name in TYPES);
  const g = node.children.find((c) => c.name in RANGES);
  const startDate = g && dateOf(text(g, 'StartDate'));
  if (!p || !g || !startDate) return undefined;
  const r: Recurrence = { type: TYPES[p.name], interval: Math.max(1, int(text(p, 'Interval')) ?? 1), range: RANGES[g.name], startDate };
  const weekdays = days(text(p, 'DaysOfWeek'));
  if (weekdays) r.daysOfWeek = weekdays;
  const dayOfMonth = int(text(p, 'DayOfMonth'));
  if (dayOfMonth && dayOfMonth <= 31) r.dayOfMonth = dayOfMonth;
  const month = MONTHS.indexOf(text(p, 'Month')) + 1;
  if (month) r.month = month;
  const index = INDEX[text(p, 'DayOfWeekIndex')];
  if (index) r.index = index;
  const endDate = dateOf(text(g, 'EndDate'));
  if (r.range === 'endDate' && endDate) r.endDate = endDate;
  const count = int(text(g, 'NumberOfOccurrences'));
  if (r.range === 'numbered' && count) r.count = count;
  return r;
}
