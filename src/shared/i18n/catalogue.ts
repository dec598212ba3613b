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
import { renderEngineText } from './engine-texts.js';
import { formatMessage, type MessageParams } from './format.js';

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

/** An entry filled in for one reader: what happened, what it means, what to do, why, and how long it takes. */
export interface RenderedError {
  id: string;
  title: string;
  message: string;
  fix: string;
  causes: string[];
  delay?: string;
  evidence?: string;
}

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

/** Parameters as the message formatter takes them: a text reference becomes its text in `lang`. */
export function renderParams(params: Readonly<Record<string, ErrorParam>> | undefined, lang: Lang): MessageParams {
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = typeof v === 'object' ? renderEngineText(v, lang) : v;
  return out;
}

/** Renders a stored or received error in `lang`; an id this version does not know renders as internal.unexpected. */
export function renderError(info: ErrorInfo, lang: Lang): RenderedError {
  const known = isCatalogueId(info.id);
  const id: CatalogueId = known ? (info.id as CatalogueId) : 'internal.unexpected';
  const entry = catalogue[id];
  const params = renderParams(info.params, lang);
  if (!known) params.text = info.id;
  const fill = (text: Localised) => formatMessage(lang, text[lang], params);
  return {
    id: info.id,
    title: fill(entry.title),
    message: fill(entry.meaning),
    fix: fill(entry.fix),
    causes: (entry.causes ?? []).map(fill),
    ...(entry.delay ? { delay: fill(entry.delay) } : {}),
    ...(info.evidence ? { evidence: info.evidence } : {}),
  };
}
