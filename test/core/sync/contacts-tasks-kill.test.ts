// Acceptance (issue 16, contacts and tasks): contacts and tasks jobs — JSON, CSV, vCard and VTODO files, an SQLite
// database and a real PostgreSQL server — run as a CHILD PROCESS against the simulator with injected faults, are
// killed with SIGKILL at random points several times, then run to completion. Files and tables must equal those of a
// clean run, with every item once, and the database rows must hold what the JSON export of the same run holds.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { jobSchema, type Job } from '../../../src/shared/job.js';
import { startPostgres, postgresTargetOn, type RunningPostgres } from '../../peers/postgres.js';
import { removeBundledRunners } from '../../support/bundle-runner.js';
import { cleanAndKilledRuns, killWorkspace, type KillWorkspace } from '../../support/kill-runner.js';
import { SIM_ANCHOR } from '../../support/sim-pump.js';
import { folderOutput } from '../../support/target-outputs.js';

const MAILBOXES = ['anna.schmidt@contoso.com', 'jan.devries@contoso.com', 'alice.smith@contoso.com', 'bob.jones@contoso.com'];
const TABLES = ['contacts', 'tasks'] as const;

function jobsIn(server: RunningPostgres, schema: string): (dir: string) => Job[] {
  return (dir) => {
    const base = { profile: 'sim', mailboxes: { mode: 'list', list: MAILBOXES }, concurrency: 2, filters: { includeBody: true } };
    const folder = (sub: string) => ({ kind: 'folder', path: join(dir, sub) });
    const sqlite = { kind: 'sqlite', path: join(dir, 'items.db') };
    const postgres = postgresTargetOn(server, schema);
    const job = (id: string, content: string, target: object, format?: string) =>
      jobSchema.parse({ ...base, id: `k-${id}`, name: id, content, target, ...(format ? { format } : {}) });
    return [
      job('contacts-json', 'contacts', folder('json')),
      job('tasks-json', 'tasks', folder('json')),
      job('contacts-csv', 'contacts', folder('csv'), 'csv'),
      job('contacts-vcard', 'contacts', folder('vcard'), 'vcard'),
      job('tasks-csv', 'tasks', folder('csv'), 'csv'),
      job('tasks-vtodo', 'tasks', folder('vtodo'), 'ics'),
      job('contacts-sqlite', 'contacts', sqlite),
      job('tasks-sqlite', 'tasks', sqlite),
      job('contacts-postgres', 'contacts', postgres),
      job('tasks-postgres', 'tasks', postgres),
    ];
  };
}

function sqliteRows(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const rows = (sql: string) => db.prepare(sql).all() as Array<Record<string, unknown>>;
    return {
      contacts: rows('select * from contacts order by mailbox, folder, item_id'),
      tasks: rows('select * from tasks order by mailbox, folder, item_id'),
      state: rows('select job_id, mailbox, folder, output_hash, items from sync_state order by job_id, mailbox, folder'),
    };
  } finally {
    db.close();
  }
}

/** JSON with object keys sorted: jsonb keeps its own key order. */
const byKey = (a: unknown) =>
  JSON.stringify(a, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );

describe('acceptance: contacts and tasks, SIGKILL at random points, then re-run = clean run', () => {
  let sim: RunningSimulator;
  let server: RunningPostgres;
  let clean: KillWorkspace;
  let killed: KillWorkspace;

  beforeAll(async () => {
    [sim, server] = await Promise.all([
      startSimulator({ seed: 11, anchor: new Date(SIM_ANCHOR), latencyMs: 2, eventsPerMailbox: 2 }),
      startPostgres(),
    ]);
    const secrets = { postgresPassword: server.password };
    [clean, killed] = await Promise.all([
      killWorkspace(sim, jobsIn(server, 'clean'), secrets),
      killWorkspace(sim, jobsIn(server, 'killed'), secrets),
    ]);
  }, 60_000);
  afterAll(async () => {
    await removeBundledRunners();
    await sim?.stop();
    await server?.stop();
    for (const w of [clean, killed]) if (w) await rm(w.dir, { recursive: true, force: true });
  });

  const pgTables = async (schema: string) => ({
    contacts: await server.query(`select * from ${schema}.contacts order by mailbox, folder, item_id`),
    tasks: await server.query(`select * from ${schema}.tasks order by mailbox, folder, item_id`),
    state: await server.query(
      `select job_id, mailbox, folder, output_hash, items from ${schema}.sync_state order by job_id, mailbox, folder`,
    ),
  });

  it('produces the clean run’s files and rows, every item once, the rows as the JSON export', async () => {
    // Progress lines per full run: 10 jobs × (started + 4 mailboxes + finished) = 60.
    await cleanAndKilledRuns(sim, clean, killed, { maxLines: 60, rounds: 5, secrets: { postgresPassword: server.password } });

    for (const sub of ['json', 'csv', 'vcard', 'vtodo']) {
      const want = await folderOutput(join(clean.dir, sub));
      expect(Object.keys(want)).toHaveLength(MAILBOXES.length * (sub === 'json' || sub === 'csv' ? 2 : 1));
      expect(await folderOutput(join(killed.dir, sub))).toEqual(want);
    }
    const json: Record<(typeof TABLES)[number], unknown[]> = { contacts: [], tasks: [] };
    for (const name of Object.keys(await folderOutput(join(killed.dir, 'json')))) {
      const items = JSON.parse(await readFile(join(killed.dir, 'json', name), 'utf8')) as Array<{ id: string }>;
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
      json[name.endsWith('__contacts.json') ? 'contacts' : 'tasks'].push(...items);
    }

    const lite = sqliteRows(join(killed.dir, 'items.db'));
    expect(lite).toEqual(sqliteRows(join(clean.dir, 'items.db')));
    const pg = await pgTables('killed');
    expect(pg).toEqual(await pgTables('clean'));
    expect(pg.state).toHaveLength(MAILBOXES.length * 2);
    for (const t of TABLES) {
      const want = json[t].map(byKey).sort();
      expect(want.length).toBeGreaterThan(MAILBOXES.length);
      expect(lite[t].map((r) => byKey(JSON.parse(r.json as string))).sort()).toEqual(want);
      expect(pg[t].map((r) => byKey(r.json)).sort()).toEqual(want);
    }
  }, 400_000);
});
