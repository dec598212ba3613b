// The UI languages and how one is picked from a locale tag. No tables here: the renderer loads only the active
// language's texts (src/renderer/app/locales.ts), Node hosts all of them (index.ts).
export type UiLang = 'en' | 'de' | 'nl';
export const UI_LANGS: readonly UiLang[] = ['en', 'de', 'nl'];

export function isUiLang(v: unknown): v is UiLang {
  return v === 'en' || v === 'de' || v === 'nl';
}

/** Picks the UI language from a BCP 47 tag such as navigator.language ("de-AT" → de); English otherwise. */
export function langFromLocale(tag: string | undefined): UiLang {
  const base = (tag ?? '').slice(0, 2).toLowerCase();
  return isUiLang(base) ? base : 'en';
}
