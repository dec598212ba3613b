// A series' pattern in words in every language: each pattern type, intervals, the n-th weekday, and the three
// kinds of range, with day and month names in the reader's language — never a stored value such as "weekly".
import { describe, expect, it } from 'vitest';
import { patternText, recurrenceText } from '../../../src/renderer/models/recurrence-text.js';
import { translate, type MessageKey, type MessageParams } from '../../../src/shared/i18n/index.js';
import type { Recurrence } from '../../../src/shared/model.js';
import type { UiLang } from '../../../src/shared/i18n/langs.js';
import { EVERY_OTHER_MON_WED } from '../../support/sample-recurrence.js';

const words = (lang: UiLang) => (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
const say = (r: Partial<Recurrence> & Pick<Recurrence, 'type'>, lang: UiLang = 'en') =>
  recurrenceText({ interval: 1, range: 'noEnd', startDate: '2026-03-02', ...r }, lang, words(lang));

describe('recurrenceText', () => {
  it('states each pattern type with its interval, days and range', () => {
    expect(say({ type: 'daily', range: 'endDate', endDate: '2026-06-29' })).toBe('Every day, from Mar 2, 2026 until Jun 29, 2026');
    expect(say({ type: 'weekly', interval: 2, daysOfWeek: ['wednesday', 'monday'], range: 'numbered', count: 10 })).toBe(
      'Every 2 weeks on Monday and Wednesday, from Mar 2, 2026, ending after 10 occurrences',
    );
    expect(say({ type: 'absoluteMonthly', dayOfMonth: 15 })).toBe('Every month on day 15, from Mar 2, 2026, no end date');
    expect(say({ type: 'relativeMonthly', interval: 3, index: 'last', daysOfWeek: ['friday'] })).toContain(
      'Every 3 months on the last Friday',
    );
    expect(say({ type: 'absoluteYearly', month: 12, dayOfMonth: 24 })).toContain('Every year on December 24');
    expect(say({ type: 'relativeYearly', index: 'second', daysOfWeek: ['sunday'], month: 5 })).toContain(
      'Every year on the second Sunday of May',
    );
    // Sunday sorts last: the week is read from Monday.
    expect(say({ type: 'weekly', daysOfWeek: ['sunday', 'saturday', 'monday'] })).toContain('on Monday, Saturday, and Sunday');
    expect(say({ type: 'daily', range: 'numbered', count: 1 })).toContain('ending after 1 occurrence');
  });

  it('reads as German and Dutch, with day and month names in the language', () => {
    const weekly = EVERY_OTHER_MON_WED;
    expect(recurrenceText(weekly, 'de', words('de'))).toBe('Alle 2 Wochen am Montag und Mittwoch, vom 2. März 2026 bis 29. Juni 2026');
    expect(recurrenceText(weekly, 'nl', words('nl'))).toBe('Elke 2 weken op maandag en woensdag, van 2 mrt 2026 tot en met 29 jun 2026');
    const yearly: Recurrence = {
      type: 'relativeYearly',
      interval: 1,
      index: 'last',
      daysOfWeek: ['sunday'],
      month: 10,
      range: 'noEnd',
      startDate: '2026-10-25',
    };
    expect(patternText(yearly, 'de', words('de'))).toBe('Jedes Jahr am letzten Sonntag im Oktober');
    expect(patternText(yearly, 'nl', words('nl'))).toBe('Elk jaar op de laatste zondag van oktober');
    for (const lang of ['de', 'nl'] as const)
      for (const type of ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'] as const) {
        const text = say({ type, daysOfWeek: ['monday'], dayOfMonth: 3, month: 3, index: 'first', range: 'numbered', count: 4 }, lang);
        expect(text, `${lang} ${type}`).not.toMatch(/\b(every|on|from|occurrences?|Monday|March|first|weekly|daily|monthly|yearly)\b/i);
      }
  });
});
