// Findings more than one doctor half reports the same way, as engine texts (doctor.detail.*).
import type { TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';

/** One day of calendar view: how many events (`more`: a further page exists) on which UTC day. */
export function calendarViewFinding(count: number, more: boolean, day: Date): TextRef {
  return text('doctor.detail.calendarView', { count, more: more ? 'yes' : 'no', date: day.toISOString().slice(0, 10) });
}
