// The page's language files announced with the page: `<link rel="modulepreload">` for each file of the
// language's texts, as the build listed them (shared/i18n/locale-chunks.ts). The renderer imports those files
// before its first screen renders; announced, they travel beside the first screen's script instead of being asked
// for only once that script has run. The language is the one the settings name, else the browser's first
// Accept-Language (what the renderer guesses from navigator.language). No list, no links: nothing else changes.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { langFromLocale, type UiLang } from '../../shared/i18n/langs.js';
import { LOCALE_CHUNKS_FILE, parseLocaleChunks, type LocaleChunks } from '../../shared/i18n/locale-chunks.js';
import { uiFileBytes } from './static-ui.js';

/** Parsed once per version of the file: static-ui.ts hands out the same bytes until the file changes. */
const parsed = new WeakMap<Buffer, LocaleChunks>();

/** The build's list; none when the build wrote none. */
async function localeChunks(uiDir: string): Promise<LocaleChunks> {
  const file = join(uiDir, LOCALE_CHUNKS_FILE);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return {};
  const bytes = await uiFileBytes(file, info).catch(() => undefined);
  if (!bytes) return {};
  let chunks = parsed.get(bytes);
  if (!chunks) parsed.set(bytes, (chunks = parseLocaleChunks(bytes.toString('utf8'))));
  return chunks;
}

/** The page's language: the stored setting, else the first language the browser asks for. */
export function pageLanguage(setting: UiLang | undefined, acceptLanguage: string | undefined): UiLang {
  return setting ?? langFromLocale(acceptLanguage?.split(',')[0]?.trim());
}

/** The links for the page's head (the build's own paths, which parseLocaleChunks kept to assets/*.js). */
export async function localePreloadLinks(uiDir: string, lang: UiLang): Promise<string> {
  const files = (await localeChunks(uiDir))[lang] ?? [];
  return files.map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`).join('');
}
