// Presence rule tables in `<config dir>/presence-rules.json`, by name. The table "default" always exists: it is
// the built-in table until someone saves their own under that name, and resetting it brings the built-in back
// (so a later Calpump's improved defaults reach everyone who never edited them). Saving checks the table with
// the engine's own schema; a bad table is refused with the field that is wrong and never written.
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RULE_TABLE, parseRuleTable, presenceTableSchema, type PresenceTable } from '../presence/presence-rules.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { VersionedJsonFile } from './versioned-json-file.js';
import { omit } from '../../shared/omit.js';
import { text as textRef } from '../../shared/i18n/engine-texts.js';

export const PRESENCE_RULES_FILE = 'presence-rules.json';
export const DEFAULT_TABLE_NAME = 'default';
export const TABLE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const documentSchema = z.object({
  schemaVersion: z.literal(1),
  tables: z.record(z.string().regex(TABLE_NAME_PATTERN), presenceTableSchema),
});
type RulesDocument = z.infer<typeof documentSchema>;

export interface StoredPresenceTable {
  name: string;
  table: PresenceTable;
  /** false: the built-in table (only possible for "default"). */
  saved: boolean;
}

export interface PresenceTableSummary {
  name: string;
  saved: boolean;
  rules: number;
}

export function checkTableName(name: string, field = 'name'): string {
  const n = name.trim();
  if (!TABLE_NAME_PATTERN.test(n))
    throw new CalpumpError('input.invalid', {
      params: { field, problem: textRef('problem.presence.notTableName', { name }) },
    });
  return n;
}

export class PresenceRuleStore {
  readonly file: VersionedJsonFile<RulesDocument>;

  constructor(opts: { dir: string }) {
    this.file = new VersionedJsonFile<RulesDocument>({
      path: join(opts.dir, PRESENCE_RULES_FILE),
      schemaVersion: 1,
      schema: documentSchema,
      empty: () => ({ schemaVersion: 1, tables: {} }),
    });
  }

  async list(): Promise<PresenceTableSummary[]> {
    const { tables } = await this.file.read();
    const names = [...new Set([DEFAULT_TABLE_NAME, ...Object.keys(tables)])].sort((a, b) =>
      a === DEFAULT_TABLE_NAME ? -1 : b === DEFAULT_TABLE_NAME ? 1 : a.localeCompare(b),
    );
    return names.map((name) => ({ name, saved: !!tables[name], rules: (tables[name] ?? DEFAULT_RULE_TABLE).rules.length }));
  }

  /** A table by name (case-insensitive); presence.rules.notFound names the tables there are. */
  async get(name: string): Promise<StoredPresenceTable> {
    const { tables } = await this.file.read();
    const key = findName(tables, name);
    if (key) return { name: key, table: tables[key], saved: true };
    if (name.trim().toLowerCase() === DEFAULT_TABLE_NAME)
      return { name: DEFAULT_TABLE_NAME, table: structuredClone(DEFAULT_RULE_TABLE), saved: false };
    throw new CalpumpError('presence.rules.notFound', {
      params: { name, known: [DEFAULT_TABLE_NAME, ...Object.keys(tables).filter((k) => k !== DEFAULT_TABLE_NAME)].join(', ') },
    });
  }

  /** Checks and stores a table document; presence.rules.invalid names the first wrong field. */
  async save(name: string, doc: unknown): Promise<StoredPresenceTable> {
    const wanted = checkTableName(name);
    const table = parseRuleTable(doc, `rule table "${wanted}"`);
    let stored = wanted;
    await this.file.update((d) => {
      // Saving "Door-Signs" over "door-signs" replaces it rather than making a second table that differs in case.
      stored = findName(d.tables, wanted) ?? wanted;
      return { ...d, tables: { ...d.tables, [stored]: table } };
    });
    return { name: stored, table, saved: true };
  }

  /** "default": back to the built-in table; any other name: removed. */
  async remove(name: string): Promise<{ removed: boolean }> {
    let removed = false;
    await this.file.update((d) => {
      const key = findName(d.tables, name);
      if (!key) return d;
      removed = true;
      return { ...d, tables: omit(d.tables, key) };
    });
    return { removed };
  }

  /** Resets a table to the built-in one (for "default": forgets the saved version). */
  async reset(name: string): Promise<StoredPresenceTable> {
    const wanted = checkTableName(name);
    if (wanted.toLowerCase() === DEFAULT_TABLE_NAME) {
      await this.remove(DEFAULT_TABLE_NAME);
      return { name: DEFAULT_TABLE_NAME, table: structuredClone(DEFAULT_RULE_TABLE), saved: false };
    }
    return this.save(wanted, structuredClone(DEFAULT_RULE_TABLE));
  }
}

function findName(tables: Record<string, unknown>, name: string): string | undefined {
  const n = name.trim().toLowerCase();
  return Object.keys(tables).find((k) => k.toLowerCase() === n);
}
