// Which files of the renderer's build hold each language's texts. The build writes this list beside index.html
// (vite.renderer.config.ts); `calpump serve` reads it to announce the page's language files with the page
// (<link rel="modulepreload">), so the browser fetches them with the first screen's script instead of after it
// has run. Without the list (an older build, the Electron window) the renderer loads them as it always did.
import { isUiLang, type UiLang } from './langs.js';

export const LOCALE_CHUNKS_FILE = 'locale-chunks.json';

export type LocaleChunks = Partial<Record<UiLang, string[]>>;

/** A safe relative file inside the build: `assets/name-hash.js`, nothing that climbs or leaves the folder. */
const CHUNK_PATH = /^assets\/[A-Za-z0-9_.-]+\.js$/;

/** The list as written by the build; anything else in the file is dropped (never trusted as a path). */
export function parseLocaleChunks(text: string): LocaleChunks {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: LocaleChunks = {};
  for (const [lang, files] of Object.entries(raw)) {
    if (!isUiLang(lang) || !Array.isArray(files)) continue;
    out[lang] = files.filter((f): f is string => typeof f === 'string' && CHUNK_PATH.test(f) && !f.includes('..'));
  }
  return out;
}
