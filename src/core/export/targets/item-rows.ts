// Contacts and tasks as database rows (docs/jobs.md "Database tables for contacts and tasks"): one `contacts` and one
// `tasks` table beside `events`, keyed by (mailbox, folder, item_id), with the fields integrators filter on as
// columns and the whole item as `json` (as in the JSON export). SQLite and PostgreSQL share the columns; only the
// types differ (PostgreSQL: date, timestamptz, text[], jsonb; SQLite: TEXT with JSON for lists).
import type { NormalisedItem } from '../../../shared/item-model.js';
import { CONTACT_KEYS, orderedItem, TASK_KEYS } from '../item-formats/json.js';

export const ITEM_TABLES = ['contacts', 'tasks'] as const;
export type ItemTable = (typeof ITEM_TABLES)[number];

export const tableOf = (i: NormalisedItem): ItemTable => (i.kind === 'contact' ? 'contacts' : 'tasks');

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** The JSON export's keys each table has a column for (kind and id are the table and the key). */
const KEYS: Record<ItemTable, readonly string[]> = {
  contacts: CONTACT_KEYS.filter((k) => k !== 'kind' && k !== 'id'),
  tasks: TASK_KEYS.filter((k) => k !== 'kind' && k !== 'id'),
};

/** Columns after the key (mailbox, folder, item_id), in table order: the JSON keys in snake case, then json. */
export const ITEM_COLUMNS: Record<ItemTable, readonly string[]> = {
  contacts: [...KEYS.contacts.map(snake), 'json'],
  tasks: [...KEYS.tasks.map(snake), 'json'],
};

/** Column types per database, in ITEM_COLUMNS order ("list" and "object" are JSON in SQLite). */
const TYPES: Record<ItemTable, readonly ('text' | 'opt' | 'date' | 'time' | 'list' | 'object')[]> = {
  contacts: [
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'object',
    'object',
    'object',
    'date',
    'list',
    'opt',
    'time',
    'object',
  ],
  tasks: ['text', 'text', 'text', 'date', 'date', 'date', 'list', 'opt', 'time', 'object'],
};
const POSTGRES_TYPE = {
  text: 'text NOT NULL',
  opt: 'text',
  date: 'date',
  time: 'timestamptz NOT NULL',
  list: 'text[] NOT NULL',
  object: 'jsonb NOT NULL',
};
const SQLITE_TYPE = {
  text: 'TEXT NOT NULL',
  opt: 'TEXT',
  date: 'TEXT',
  time: 'TEXT NOT NULL',
  list: 'TEXT NOT NULL',
  object: 'TEXT NOT NULL',
};

function columnsDdl(table: ItemTable, types: Record<string, string>): string {
  return ITEM_COLUMNS[table].map((c, i) => `${c} ${types[TYPES[table][i]]}`).join(', ');
}

export function itemTablesPostgres(schema: string): string {
  return ITEM_TABLES.map(
    (t) => `CREATE TABLE IF NOT EXISTS "${schema}".${t} (
  mailbox text NOT NULL, folder text NOT NULL, item_id text NOT NULL, ${columnsDdl(t, POSTGRES_TYPE)},
  PRIMARY KEY (mailbox, folder, item_id)
);`,
  ).join('\n');
}

export function itemTablesSqlite(): string {
  return ITEM_TABLES.map(
    (t) => `CREATE TABLE IF NOT EXISTS ${t} (
  mailbox TEXT NOT NULL, folder TEXT NOT NULL, item_id TEXT NOT NULL, ${columnsDdl(t, SQLITE_TYPE)},
  PRIMARY KEY (mailbox, folder, item_id)
) WITHOUT ROWID;`,
  ).join('\n');
}

/** One row as an object keyed by column name (jsonb_populate_recordset and named SQLite parameters read it so). */
export function itemRow(mailbox: string, folder: string, i: NormalisedItem, forSqlite = false): Record<string, unknown> {
  const item = orderedItem(i);
  const value = (v: unknown) => (forSqlite && v !== null && typeof v === 'object' ? JSON.stringify(v) : v);
  const row: Record<string, unknown> = { mailbox, folder, item_id: i.id };
  for (const k of KEYS[tableOf(i)]) row[snake(k)] = value(item[k] ?? null);
  row.json = value(item);
  return row;
}
