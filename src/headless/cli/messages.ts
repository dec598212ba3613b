// Words the CLI prints around data (labels, headings, verdicts, summary lines) in the catalogue languages. Error
// texts come from the error catalogue; this table holds only the CLI's own framing. The texts live in
// src/shared/locales/<lang>/cli.json (ICU MessageFormat, keys sorted; test/shared/locales.test.ts checks them).
import en from '../../shared/locales/en/cli.json' with { type: 'json' };
import de from '../../shared/locales/de/cli.json' with { type: 'json' };
import nl from '../../shared/locales/nl/cli.json' with { type: 'json' };
import { formatMessage } from '../../shared/i18n/format.js';
import type { Lang } from '../../core/doctor/catalogue.js';

export type CliMessageKey = keyof typeof en;

export const cliMessages: Record<Lang, Record<string, string>> = { en, de, nl };

export function cliText(lang: Lang, key: CliMessageKey, params: Record<string, string | number> = {}): string {
  return formatMessage(lang, cliMessages[lang][key] ?? en[key], params);
}
