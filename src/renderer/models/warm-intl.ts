// The formatters the home screen builds first (format.ts's date and time with its zone, a plural message, a number
// in running text): building them once loads ICU's data for the language, the expensive part of a first Intl use.
// They are built through the same caches the screens use (shared/i18n/format.ts), so the first render finds them.
import { formatMessage } from '../../shared/i18n/format.js';
import { formatDateTime } from './format.js';

export function warmIntl(lang: string): void {
  try {
    formatDateTime(new Date().toISOString(), lang);
    formatMessage(lang, '{n, plural, one {# item} other {# items}}', { n: 2 });
    formatMessage(lang, '{n}', { n: 1000 });
  } catch {
    // Only a head start: the render builds what it needs anyway.
  }
}
