// Graph's patternedRecurrence (on a series master: GET /events/{id}?$select=recurrence) → the normalised Recurrence.
// Graph fills every property whatever the type (month 0, dayOfMonth 0, index "first", daysOfWeek [] on a daily
// series; endDate "0001-01-01" without an end), so only the ones the type uses are kept.
import { weekdaySchema, type Recurrence, type Weekday } from '../../../shared/model.js';

export interface GraphRecurrence {
  pattern?: {
    type?: string;
    interval?: number;
    month?: number;
    dayOfMonth?: number;
    daysOfWeek?: string[];
    firstDayOfWeek?: string;
    index?: string;
  } | null;
  range?: { type?: string; startDate?: string; endDate?: string; numberOfOccurrences?: number; recurrenceTimeZone?: string } | null;
}

const TYPES: ReadonlySet<string> = new Set(['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly']);
const RANGES: ReadonlySet<string> = new Set(['endDate', 'noEnd', 'numbered']);
const INDEXES: ReadonlySet<string> = new Set(['first', 'second', 'third', 'fourth', 'last']);
const date = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !s.startsWith('0001') ? s : undefined);

/** The pattern and range, or undefined for an event without a (readable) recurrence. */
export function mapGraphRecurrence(r: GraphRecurrence | null | undefined): Recurrence | undefined {
  const p = r?.pattern;
  const g = r?.range;
  const startDate = date(g?.startDate);
  if (!p?.type || !TYPES.has(p.type) || !g?.type || !RANGES.has(g.type) || !startDate) return undefined;
  const type = p.type as Recurrence['type'];
  const out: Recurrence = {
    type,
    interval: Math.max(1, Math.trunc(p.interval ?? 1) || 1),
    range: g.type as Recurrence['range'],
    startDate,
  };
  const days = (p.daysOfWeek ?? []).filter((d): d is Weekday => weekdaySchema.safeParse(d).success);
  if (days.length && (type === 'weekly' || type.startsWith('relative'))) out.daysOfWeek = days;
  if (p.dayOfMonth && p.dayOfMonth >= 1 && p.dayOfMonth <= 31 && type.startsWith('absolute')) out.dayOfMonth = p.dayOfMonth;
  if (p.month && p.month >= 1 && p.month <= 12 && type.endsWith('Yearly')) out.month = p.month;
  if (p.index && INDEXES.has(p.index) && type.startsWith('relative')) out.index = p.index as Recurrence['index'];
  const endDate = date(g.endDate);
  if (out.range === 'endDate' && endDate) out.endDate = endDate;
  if (out.range === 'numbered' && g.numberOfOccurrences && g.numberOfOccurrences > 0) out.count = g.numberOfOccurrences;
  return out;
}
