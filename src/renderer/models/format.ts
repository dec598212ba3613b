// Dates as people read them, in the UI language and the viewer's time zone. All-day events keep their date
// (they are stored as [date 00:00Z, next date 00:00Z) and must not shift a day west of Greenwich).
import type { NormalisedEvent } from '../../shared/model.js';

export function formatEventTime(
  e: Pick<NormalisedEvent, 'start' | 'end' | 'isAllDay'>,
  lang: string,
  allDayLabel: string,
  timeZone?: string,
): string {
  const start = new Date(e.start);
  const end = new Date(e.end);
  if (e.isAllDay) {
    const d = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    const lastDay = new Date(end.getTime() - 86_400_000);
    const same = lastDay.getTime() <= start.getTime();
    return `${same ? d.format(start) : `${d.format(start)} – ${d.format(lastDay)}`} (${allDayLabel})`;
  }
  const dt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const tm = new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone });
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { timeZone }).format(start) === new Intl.DateTimeFormat('en-CA', { timeZone }).format(end);
  return sameDay ? `${dt.format(start)} – ${tm.format(end)}` : `${dt.format(start)} – ${dt.format(end)}`;
}

export function formatDateTime(iso: string | undefined, lang: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

export function formatDuration(ms: number, lang: string): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toLocaleString(lang, { maximumFractionDigits: 1 })} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
