// A series' pattern in words, the way Outlook states it ("Every 2 weeks on Monday and Wednesday, from 2 Mar 2026
// until 29 Jun 2026"): the sentence frames come from the message tables, day and month names and lists from Intl
// in the UI language, so German and Dutch read as German and Dutch.
import type { MessageKey, MessageParams } from '../../shared/i18n/index.js';
import type { Recurrence, Weekday } from '../../shared/model.js';
import { dateLocale, formatDate } from './format.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "Monday" in the language: 2023-01-01 was a Sunday. */
function dayName(day: Weekday, lang: string): string {
  const date = new Date(Date.UTC(2023, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(dateLocale(lang), { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** "Monday and Wednesday", in the week's order from Monday. */
function dayList(days: readonly Weekday[] | undefined, lang: string): string {
  const order = (d: Weekday) => (WEEKDAYS.indexOf(d) + 6) % 7;
  const names = [...new Set(days ?? [])].sort((a, b) => order(a) - order(b)).map((d) => dayName(d, lang));
  return new Intl.ListFormat(dateLocale(lang), { style: 'long', type: 'conjunction' }).format(names);
}

function monthName(month: number, lang: string): string {
  return new Intl.DateTimeFormat(dateLocale(lang), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, month - 1, 1)));
}

/** "15 March" / "15. März" / "15 maart": a day of a month without a year. */
function monthDay(month: number, day: number, lang: string): string {
  return new Intl.DateTimeFormat(dateLocale(lang), { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, month - 1, day)),
  );
}

/** What repeats: "Every 2 weeks on Monday and Wednesday". */
export function patternText(r: Recurrence, lang: string, t: Translate): string {
  const interval = r.interval;
  const days = dayList(r.daysOfWeek, lang);
  const index = t(`recurrence.index.${r.index ?? 'first'}`);
  switch (r.type) {
    case 'daily':
      return t('recurrence.daily', { interval });
    case 'weekly':
      return t('recurrence.weekly', { interval, days });
    case 'absoluteMonthly':
      return t('recurrence.absoluteMonthly', { interval, day: r.dayOfMonth ?? 1 });
    case 'relativeMonthly':
      return t('recurrence.relativeMonthly', { interval, index, days });
    case 'absoluteYearly':
      return t('recurrence.absoluteYearly', { interval, date: monthDay(r.month ?? 1, r.dayOfMonth ?? 1, lang) });
    case 'relativeYearly':
      return t('recurrence.relativeYearly', { interval, index, days, month: monthName(r.month ?? 1, lang) });
  }
}

/** The pattern and its range: "Every day, from 2 Mar 2026 until 29 Jun 2026" / "…, 10 times" / "…, no end date". */
export function recurrenceText(r: Recurrence, lang: string, t: Translate): string {
  const pattern = patternText(r, lang, t);
  const start = formatDate(r.startDate, lang);
  if (r.range === 'endDate' && r.endDate) return t('recurrence.range.endDate', { pattern, start, end: formatDate(r.endDate, lang) });
  if (r.range === 'numbered' && r.count) return t('recurrence.range.numbered', { pattern, start, count: r.count });
  return t('recurrence.range.noEnd', { pattern, start });
}
