// The error catalogue and its renderer, shared by every host (CLI, serve, the desktop app, the UI): the engine
// raises and stores errors as ids with parameters (ErrorInfo); whoever shows one renders it here, in the
// reader's language — so an error kept in the run history reads in German under a German UI. The texts live in
// src/shared/locales/<lang>/catalogue.json as ICU MessageFormat, one key per part: `<id>.title`, `<id>.meaning`,
// `<id>.fix`, optional `<id>.cause1`… (most likely first) and `<id>.delay`. English is the reference: its keys
// define the ids, and test/shared/i18n/catalogue.test.ts checks every language against it.
import en from '../locales/en/catalogue.json' with { type: 'json' };
import de from '../locales/de/catalogue.json' with { type: 'json' };
import nl from '../locales/nl/catalogue.json' with { type: 'json' };
import type { ErrorInfo, ErrorParam } from '../errors.js';
import { engineTableFor } from './engine-texts.js';
import type { MessageParams } from './format.js';
import { paramsIn, renderErrorIn, type RenderedError, type Table } from './render-tables.js';

export type Lang = 'en' | 'de' | 'nl';
export const LANGS: readonly Lang[] = ['en', 'de', 'nl'];
export type Localised = Record<Lang, string>;

type CatalogueKey = keyof typeof en;
export type CatalogueId = CatalogueKey extends infer K ? (K extends `${infer Id}.title` ? Id : never) : never;

/** One entry's raw texts per language (ICU MessageFormat, not yet filled in). */
export interface CatalogueEntry {
  title: Localised;
  meaning: Localised;
  fix: Localised;
  /** Likely causes, most likely first (optional; the doctor and the UI list them). */
  causes?: Localised[];
  /** When a fix takes time to apply. */
  delay?: Localised;
}

export type { RenderedError } from './render-tables.js';

const tables: Record<Lang, Record<string, string>> = { en, de, nl };

function localised(key: string): Localised | undefined {
  if (!(key in en)) return undefined;
  return { en: tables.en[key], de: tables.de[key] ?? tables.en[key], nl: tables.nl[key] ?? tables.en[key] };
}

function entryFor(id: string): CatalogueEntry {
  const causes: Localised[] = [];
  for (let i = 1; localised(`${id}.cause${i}`); i++) causes.push(localised(`${id}.cause${i}`)!);
  const entry: CatalogueEntry = { title: localised(`${id}.title`)!, meaning: localised(`${id}.meaning`)!, fix: localised(`${id}.fix`)! };
  if (causes.length) entry.causes = causes;
  const delay = localised(`${id}.delay`);
  if (delay) entry.delay = delay;
  return entry;
}

export const catalogueIds = Object.keys(en)
  .filter((k) => k.endsWith('.title'))
  .map((k) => k.slice(0, -'.title'.length)) as CatalogueId[];

export const catalogue = Object.fromEntries(catalogueIds.map((id) => [id, entryFor(id)])) as Record<CatalogueId, CatalogueEntry>;

/** The raw locale tables, for the test that checks every language against English. */
export const catalogueTables = tables;

export function isCatalogueId(id: string): id is CatalogueId {
  return Object.hasOwn(catalogue, id);
}

export function isLang(v: unknown): v is Lang {
  return v === 'en' || v === 'de' || v === 'nl';
}

/** The catalogue in `lang`, English where a key is missing. */
const merged = new Map<Lang, Table>();
export function catalogueTableFor(lang: Lang): Table {
  let t = merged.get(lang);
  if (!t) merged.set(lang, (t = { ...tables.en, ...tables[lang] }));
  return t;
}

/** Parameters as the message formatter takes them: a text reference becomes its text in `lang`. */
export function renderParams(params: Readonly<Record<string, ErrorParam>> | undefined, lang: Lang): MessageParams {
  return paramsIn(engineTableFor(lang), params, lang);
}

/** Renders a stored or received error in `lang`; an id this version does not know renders as internal.unexpected. */
export function renderError(info: ErrorInfo, lang: Lang): RenderedError {
  return renderErrorIn({ catalogue: catalogueTableFor(lang), engine: engineTableFor(lang) }, info, lang);
}
