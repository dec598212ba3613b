// The formatters the home screen builds first: a date and time with its zone (format.ts), a number and plural
// rules for the language. The first formatter a fresh renderer builds loads ICU's data (tens of milliseconds);
// later ones are cheap. Plain Intl and format.ts only, so the page's entry can run this before the message
// formatter's and React's code have arrived.
import { formatDateTime } from './format.js';

export function warmIntl(lang: string): void {
  try {
    formatDateTime(new Date().toISOString(), lang);
    new Intl.NumberFormat(lang).format(1000);
    new Intl.PluralRules(lang).select(2);
  } catch {
    // Only a head start: the render builds what it needs anyway.
  }
}
