// The page's language files announced with the page: `<link rel="modulepreload">` for each file of the
// language's texts, as the build listed them (shared/i18n/locale-chunks.ts). The renderer imports those files
// before its first screen renders; announced, they travel beside the first screen's script instead of being asked
// for only once that script has run. The language is the one the settings name, else the browser's first
// Accept-Language (what the renderer guesses from navigator.language). No list, no links: nothing else changes.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { langFromLocale, type UiLang } from '../../shared/i18n/langs.js';
import { LOCALE_CHUNKS_FILE, parseLocaleChunks, type LocaleChunks } from '../../shared/i18n/locale-chunks.js';

const lists = new Map<string, { version: string; chunks: LocaleChunks }>();

/** The build's list, read once per version of the file (size and modification time). */
async function localeChunks(uiDir: string): Promise<LocaleChunks> {
  const file = join(uiDir, LOCALE_CHUNKS_FILE);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return {};
  const version = `${info.size}:${info.mtimeMs}`;
  const have = lists.get(file);
  if (have?.version === version) return have.chunks;
  const chunks = parseLocaleChunks(await readFile(file, 'utf8').catch(() => ''));
  lists.set(file, { version, chunks });
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
