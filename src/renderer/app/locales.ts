// The renderer loads one language's texts at a time: the active language before the first screen renders,
// another when the user switches to it. Each table is its own chunk of the build.
import type { UiLang } from '../../shared/i18n/langs.js';
import type { LocaleTables, Table } from '../../shared/i18n/render-tables.js';

type JsonModule = { default: Table };

const LOADERS: Record<UiLang, () => Promise<[JsonModule, JsonModule, JsonModule]>> = {
  en: () =>
    Promise.all([
      import('../../shared/locales/en/ui.json', { with: { type: 'json' } }),
      import('../../shared/locales/en/catalogue.json', { with: { type: 'json' } }),
      import('../../shared/locales/en/engine.json', { with: { type: 'json' } }),
    ]),
  de: () =>
    Promise.all([
      import('../../shared/locales/de/ui.json', { with: { type: 'json' } }),
      import('../../shared/locales/de/catalogue.json', { with: { type: 'json' } }),
      import('../../shared/locales/de/engine.json', { with: { type: 'json' } }),
    ]),
  nl: () =>
    Promise.all([
      import('../../shared/locales/nl/ui.json', { with: { type: 'json' } }),
      import('../../shared/locales/nl/catalogue.json', { with: { type: 'json' } }),
      import('../../shared/locales/nl/engine.json', { with: { type: 'json' } }),
    ]),
};

const loaded = new Map<UiLang, LocaleTables>();
const loading = new Map<UiLang, Promise<LocaleTables>>();

/** The language's tables if they are loaded already. */
export function loadedLocale(lang: UiLang): LocaleTables | undefined {
  return loaded.get(lang);
}

/** Loads a language's tables once (later calls share the first load). */
export function loadLocale(lang: UiLang): Promise<LocaleTables> {
  const have = loaded.get(lang);
  if (have) return Promise.resolve(have);
  let p = loading.get(lang);
  if (!p) {
    p = LOADERS[lang]().then(([ui, catalogue, engine]) => {
      const tables = { ui: ui.default, catalogue: catalogue.default, engine: engine.default };
      loaded.set(lang, tables);
      return tables;
    });
    p.catch(() => loading.delete(lang));
    loading.set(lang, p);
  }
  return p;
}

/** Tables a host already has (tests render with every language at hand). */
export function provideLocale(lang: UiLang, tables: LocaleTables): void {
  loaded.set(lang, tables);
}
