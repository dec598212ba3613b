// A contacts or tasks batch inside the PostgreSQL target's transaction (postgres-target.ts): deletes by id from both
// tables (a delete does not say its kind), then one upsert per table keyed by (mailbox, folder, item_id).
import type pg from 'pg';
import { ITEM_COLUMNS, ITEM_TABLES, itemRow, tableOf } from './item-rows.js';
import type { ItemBatch } from './types.js';

export async function applyItemBatch(
  c: pg.PoolClient,
  table: (name: string) => string,
  mailbox: string,
  folder: string,
  b: ItemBatch,
  reset: boolean,
): Promise<void> {
  for (const t of ITEM_TABLES) {
    if (reset) await c.query(`DELETE FROM ${table(t)} WHERE mailbox = $1 AND folder = $2`, [mailbox, folder]);
    else if (b.deletes.length)
      await c.query(`DELETE FROM ${table(t)} WHERE mailbox = $1 AND folder = $2 AND item_id = ANY($3::text[])`, [
        mailbox,
        folder,
        b.deletes,
      ]);
  }
  const upserts = reset ? b.all : b.upserts;
  for (const t of ITEM_TABLES) {
    const rows = upserts.filter((i) => tableOf(i) === t).map((i) => itemRow(mailbox, folder, i));
    if (!rows.length) continue;
    await c.query(
      `INSERT INTO ${table(t)} SELECT * FROM jsonb_populate_recordset(NULL::${table(t)}, $1::jsonb)
       ON CONFLICT (mailbox, folder, item_id) DO UPDATE SET ${ITEM_COLUMNS[t].map((k) => `${k} = EXCLUDED.${k}`).join(', ')}`,
      [JSON.stringify(rows)],
    );
  }
}

/** Empties a mailbox-folder's contacts and tasks (a former member's output). */
export async function clearItems(c: pg.PoolClient, table: (name: string) => string, mailbox: string, folder: string): Promise<void> {
  for (const t of ITEM_TABLES) await c.query(`DELETE FROM ${table(t)} WHERE mailbox = $1 AND folder = $2`, [mailbox, folder]);
}
