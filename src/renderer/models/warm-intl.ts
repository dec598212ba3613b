// The formatters the home screen builds first (format.ts's date and time with its zone, plural rules, numbers):
// building them once loads ICU's data for the language, which is the expensive part of a first Intl use.
import { formatDateTime } from './format.js';

export function warmIntl(lang: string): void {
  try {
    formatDateTime(new Date().toISOString(), lang);
    new Intl.PluralRules(lang).select(1);
    new Intl.NumberFormat(lang).format(1);
  } catch {
    // Only a head start: the render builds what it needs anyway.
  }
}
