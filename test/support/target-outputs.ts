// Reads what each target holds, in a form two runs can be compared by: file contents, SQLite rows, and the
// webhook receiver's deduplicated deliveries and the state it built from them.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { WebhookReceiver } from './webhook-receiver.js';

export async function folderOutput(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const files = await readdir(dir).catch(() => [] as string[]);
  for (const f of files.sort()) out[f] = await readFile(join(dir, f), 'utf8');
  return out;
}

export function sqliteOutput(file: string): Array<Record<string, unknown>> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('select * from events order by mailbox, folder, event_key').all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

export function webhookOutput(rx: WebhookReceiver) {
  const state = Object.fromEntries([...rx.state()].map(([k, m]) => [k, Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)))]));
  const deliveries = rx
    .unique()
    .map((d) => ({ key: d.key, raw: d.raw }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return { state, deliveries };
}
