// Contacts and tasks as database rows (docs/jobs.md "Database tables for contacts and tasks"): one `contacts` and one
// `tasks` table beside `events`, keyed by (mailbox, folder, item_id), with the fields integrators filter on as
// columns and the whole item as `json` (as in the JSON export). SQLite and PostgreSQL share the columns; only the
// types differ (PostgreSQL: date, timestamptz, text[], jsonb; SQLite: TEXT with JSON for lists).
import type { NormalisedContact, NormalisedItem, NormalisedTask } from '../../../shared/item-model.js';
import { orderedItem } from '../item-formats/json.js';

export const ITEM_TABLES = ['contacts', 'tasks'] as const;
export type ItemTable = (typeof ITEM_TABLES)[number];

export const tableOf = (i: NormalisedItem): ItemTable => (i.kind === 'contact' ? 'contacts' : 'tasks');

/** Columns after the key (mailbox, folder, item_id), in table order; an upsert replaces all of them. */
export const ITEM_COLUMNS: Record<ItemTable, readonly string[]> = {
  contacts: [
    'display_name',
    'given_name',
    'middle_name',
    'surname',
    'nickname',
    'company_name',
    'job_title',
    'department',
    'emails',
    'phones',
    'addresses',
    'birthday',
    'categories',
    'notes',
    'last_modified',
    'json',
  ],
  tasks: ['subject', 'status', 'importance', 'start_date', 'due_date', 'completed_date', 'categories', 'body', 'last_modified', 'json'],
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

function contactValues(c: NormalisedContact): unknown[] {
  return [
    c.displayName,
    c.givenName,
    c.middleName,
    c.surname,
    c.nickname,
    c.companyName,
    c.jobTitle,
    c.department,
    c.emails.map((e) => ({ address: e.address, name: e.name ?? null })),
    c.phones.map((p) => ({ type: p.type, number: p.number })),
    c.addresses.map((a) => ({ ...a })),
    c.birthday ?? null,
    c.categories,
    c.notes ?? null,
    c.lastModified,
    orderedItem(c),
  ];
}

function taskValues(t: NormalisedTask): unknown[] {
  return [
    t.subject,
    t.status,
    t.importance,
    t.startDate ?? null,
    t.dueDate ?? null,
    t.completedDate ?? null,
    t.categories,
    t.body ?? null,
    t.lastModified,
    orderedItem(t),
  ];
}

/** One row as an object keyed by column name (jsonb_populate_recordset and named SQLite parameters read it so). */
export function itemRow(mailbox: string, folder: string, i: NormalisedItem, forSqlite = false): Record<string, unknown> {
  const table = tableOf(i);
  const values = i.kind === 'contact' ? contactValues(i) : taskValues(i);
  const row: Record<string, unknown> = { mailbox, folder, item_id: i.id };
  ITEM_COLUMNS[table].forEach((c, n) => {
    const v = values[n];
    row[c] = forSqlite && v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
  });
  return row;
}
