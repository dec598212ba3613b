// Error catalogue: every failure a connector can raise maps to an entry with a plain meaning, the fix, and a
// likely delay; the CLI, the UI and the logs render the same entry, and the doctor and the setup script
// refer to them. The texts live in src/shared/locales/<lang>/catalogue.json as ICU MessageFormat, one key per
// part: `<id>.title`, `<id>.meaning`, `<id>.fix`, optional `<id>.cause1`… (most likely first) and `<id>.delay`.
// English is the reference: its keys define the ids, and test/core/doctor/catalogue.test.ts checks every
// language has the same keys with the same arguments.
import en from '../../shared/locales/en/catalogue.json' with { type: 'json' };
import de from '../../shared/locales/de/catalogue.json' with { type: 'json' };
import nl from '../../shared/locales/nl/catalogue.json' with { type: 'json' };
import type { CatalogueEntry, Lang, Localised } from './catalogue/types.js';

export type { CatalogueEntry, Lang, Localised } from './catalogue/types.js';

type CatalogueKey = keyof typeof en;
export type CatalogueId = CatalogueKey extends infer K ? (K extends `${infer Id}.title` ? Id : never) : never;

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
