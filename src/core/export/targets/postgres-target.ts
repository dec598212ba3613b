// PostgreSQL target (the maintained `pg` driver): `events` and `attendees` keyed by (mailbox, folder, event_key),
// `contacts` and `tasks` keyed by (mailbox, folder, item_id) (item-rows.ts, postgres-items.ts),
// a `sync_state` row per (job, mailbox, folder) and a `runs` row per finished run (schema: postgres-schema.ts,
// docs/jobs.md). A folder's deletes, upserts and its sync_state row are applied in ONE transaction at commit, so
// a crash at any moment leaves the tables and the state consistent: either the whole batch with its state row
// or neither. Each commit takes its own pooled connection, so mailboxes committing at once do not interleave.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { PostgresTarget as PostgresSettings, RunOutput, RunRecord } from '../../../shared/job.js';
import { postgresLocation } from '../../../shared/postgres-url.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { SyncStateRecord, SyncStateStore } from '../../store/sync-state-store.js';
import { applyItemBatch, clearItems } from './postgres-items.js';
import { attendeeRows, ddl, eventRow, runRow, SCHEMA_LOCK } from './postgres-schema.js';
import type { FolderBatch, PumpTarget, WrittenOutput } from './types.js';

/** Columns an upsert replaces (everything but the key). */
const EVENT_COLUMNS = [
  'item_id',
  'ical_uid',
  'series_id',
  'original_start',
  'subject',
  'starts_at',
  'ends_at',
  'time_zone',
  'is_all_day',
  'location',
  'organizer_name',
  'organizer_email',
  'show_as',
  'sensitivity',
  'is_cancelled',
  'categories',
  'body',
  'last_modified',
  'json',
];

export interface PostgresTargetOptions {
  settings: PostgresSettings;
  password?: string;
  states: SyncStateStore;
  /** Connections at once (one per committing folder); the job's concurrency is a good value. */
  maxConnections?: number;
}

export class PostgresTarget implements PumpTarget {
  readonly kind = 'postgres' as const;
  readonly id: string;
  private readonly settings: PostgresSettings;
  private readonly states: SyncStateStore;
  private readonly location: string;
  private pool: pg.Pool | undefined;
  private ready: Promise<pg.Pool> | undefined;

  constructor(private readonly opts: PostgresTargetOptions) {
    this.settings = opts.settings;
    this.states = opts.states;
    this.location = postgresLocation(opts.settings);
    this.id = `postgres:${this.location}`;
  }

  /** Connects and creates the tables once, on first use. */
  private connect(): Promise<pg.Pool> {
    this.ready ??= (async () => {
      const t = this.settings;
      const ssl = t.tls === 'off' ? false : { rejectUnauthorized: true, ...(t.caFile ? { ca: await readFile(t.caFile, 'utf8') } : {}) };
      const pool = new pg.Pool({
        host: t.host,
        port: t.port,
        database: t.database,
        user: t.user,
        password: this.opts.password,
        ssl,
        max: this.opts.maxConnections ?? 4,
        application_name: 'calpump',
        // Nothing waits without bound: a dead server or a held lock ends as an error the next run retries.
        connectionTimeoutMillis: 20_000,
        query_timeout: 120_000,
        statement_timeout: 110_000,
        lock_timeout: 30_000,
      });
      // An idle connection the server drops must not crash the process; the next query reports it.
      pool.on('error', () => undefined);
      this.pool = pool;
      await this.transaction(pool, async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await c.query(ddl(t.schema));
      });
      return pool;
    })().catch((e) => {
      this.ready = undefined;
      throw this.failure(e);
    });
    return this.ready;
  }

  private async transaction<T>(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const r = await work(c);
      await c.query('COMMIT');
      return r;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  private table(name: string): string {
    return `"${this.settings.schema}".${name}`;
  }

  /** The database holds a state's output when its sync_state row records the same sequence and output. */
  async holds(state: SyncStateRecord): Promise<boolean> {
    const pool = await this.connect();
    try {
      const r = await pool.query<{ sequence: number; output_hash: string }>(
        `SELECT sequence, output_hash FROM ${this.table('sync_state')} WHERE job_id = $1 AND mailbox = $2 AND folder = $3`,
        [state.jobId, state.mailbox.toLowerCase(), state.folder],
      );
      const row = r.rows[0];
      return !!row && row.sequence === state.sequence && row.output_hash === state.outputHash;
    } catch (e) {
      throw this.failure(e);
    }
  }

  async write(batch: FolderBatch): Promise<WrittenOutput> {
    // Nothing is applied before commit: the rows and the state row go in together or not at all.
    return {
      commit: async (state) => {
        const pool = await this.connect();
        try {
          await this.transaction(pool, (c) => this.apply(c, batch, state));
        } catch (e) {
          throw this.failure(e);
        }
        await this.states.commit(state);
      },
    };
  }

  private async apply(c: pg.PoolClient, b: FolderBatch, s: SyncStateRecord): Promise<void> {
    const mailbox = b.mailbox.toLowerCase();
    if (b.items) await applyItemBatch(c, (t) => this.table(t), mailbox, b.folder, b.items, b.reset);
    else await this.applyEvents(c, mailbox, b);
    await c.query(
      `INSERT INTO ${this.table('sync_state')} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (job_id, mailbox, folder) DO UPDATE SET sequence = EXCLUDED.sequence, output_hash = EXCLUDED.output_hash,
         window_from = EXCLUDED.window_from, window_to = EXCLUDED.window_to, items = EXCLUDED.items, committed_at = EXCLUDED.committed_at`,
      [s.jobId, mailbox, s.folder, s.sequence, s.outputHash, s.window.from, s.window.to, s.items?.length ?? s.events.length, s.committedAt],
    );
  }

  private async applyEvents(c: pg.PoolClient, mailbox: string, b: FolderBatch): Promise<void> {
    const events = this.table('events');
    const attendees = this.table('attendees');
    if (b.reset) await c.query(`DELETE FROM ${events} WHERE mailbox = $1 AND folder = $2`, [mailbox, b.folder]);
    else if (b.deletes.length)
      await c.query(`DELETE FROM ${events} WHERE mailbox = $1 AND folder = $2 AND event_key = ANY($3::text[])`, [
        mailbox,
        b.folder,
        b.deletes,
      ]);
    const upserts = b.reset ? b.events : b.upserts;
    if (upserts.length) {
      const rows = upserts.map((e) => eventRow(mailbox, b.folder, e));
      await c.query(
        `INSERT INTO ${events} SELECT * FROM jsonb_populate_recordset(NULL::${events}, $1::jsonb)
         ON CONFLICT (mailbox, folder, event_key) DO UPDATE SET ${EVENT_COLUMNS.map((k) => `${k} = EXCLUDED.${k}`).join(', ')}`,
        [JSON.stringify(rows)],
      );
      await c.query(`DELETE FROM ${attendees} WHERE mailbox = $1 AND folder = $2 AND event_key = ANY($3::text[])`, [
        mailbox,
        b.folder,
        rows.map((r) => r.event_key),
      ]);
      const people = upserts.flatMap((e) => attendeeRows(mailbox, b.folder, e));
      if (people.length)
        await c.query(`INSERT INTO ${attendees} SELECT * FROM jsonb_populate_recordset(NULL::${attendees}, $1::jsonb)`, [
          JSON.stringify(people),
        ]);
    }
  }

  /**
   * A former group member's output (core/sync/former-members.ts): the folder's events (attendees follow by cascade),
   * contacts and tasks and its sync_state row go in one transaction, so a crash leaves both or neither; run again, it ends the same way.
   */
  async remove(batch: FolderBatch): Promise<void> {
    const pool = await this.connect();
    const mailbox = batch.mailbox.toLowerCase();
    try {
      await this.transaction(pool, async (c) => {
        await c.query(`DELETE FROM ${this.table('events')} WHERE mailbox = $1 AND folder = $2`, [mailbox, batch.folder]);
        await clearItems(c, (t) => this.table(t), mailbox, batch.folder);
        await c.query(`DELETE FROM ${this.table('sync_state')} WHERE job_id = $1 AND mailbox = $2 AND folder = $3`, [
          batch.jobId,
          mailbox,
          batch.folder,
        ]);
      });
    } catch (e) {
      throw this.failure(e);
    }
  }

  /** One `runs` row per finished run, so a reader sees when the data was last refreshed and how the run went. */
  async recordRun(record: RunRecord): Promise<void> {
    const pool = await this.connect();
    try {
      await pool.query(
        `INSERT INTO ${this.table('runs')} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb) ON CONFLICT (run_id) DO NOTHING`,
        runRow(record),
      );
    } catch (e) {
      throw this.failure(e);
    }
  }

  async outputs(): Promise<RunOutput[]> {
    const pool = await this.connect();
    const r = await pool
      .query<{ bytes: string }>(`SELECT sum(pg_total_relation_size(t::regclass)) AS bytes FROM unnest($1::text[]) AS t`, [
        ['events', 'attendees', 'contacts', 'tasks'].map((t) => this.table(t)),
      ])
      .catch(() => undefined);
    return [{ path: this.location, bytes: Number(r?.rows[0]?.bytes ?? 0) }];
  }

  private failure(e: unknown): CalpumpError {
    if (e instanceof CalpumpError) return e;
    const err = e as Error & { code?: string };
    return new CalpumpError('export.postgres.failed', {
      params: { database: this.location, reason: err.code ? `${err.code} ${err.message}` : err.message },
      evidence: err.message,
      cause: e,
    });
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.ready = undefined;
    await pool?.end();
  }
}
