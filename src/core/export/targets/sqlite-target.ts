// SQLite target (better-sqlite3, on-disk, WAL): one `events` table keyed by (mailbox, folder, event_key), `contacts`
// and `tasks` keyed by (mailbox, folder, item_id) (item-rows.ts), and a `sync_state` row per (job, mailbox, folder). A folder's upserts, deletes and its state row are applied in ONE
// transaction at commit, so the database never holds output without the state that produced it. The file is a
// plain SQLite 3 database: `sqlite3 file 'select count(*) from events'` works while Calpump runs.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { RunOutput } from '../../../shared/job.js';
import { eventKey, type NormalisedEvent } from '../../../shared/model.js';
import { fileOutput } from '../../sync/run-feeds.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { SyncStateRecord, SyncStateStore } from '../../store/sync-state-store.js';
import { orderedEvent } from '../formats/json.js';
import { ITEM_COLUMNS, ITEM_TABLES, itemRow, itemTablesSqlite, tableOf, type ItemTable } from './item-rows.js';
import type { FolderBatch, ItemBatch, PumpTarget, WrittenOutput } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  mailbox TEXT NOT NULL, folder TEXT NOT NULL, event_key TEXT NOT NULL,
  ical_uid TEXT NOT NULL, series_id TEXT, original_start TEXT,
  subject TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL, time_zone TEXT NOT NULL, is_all_day INTEGER NOT NULL,
  location TEXT NOT NULL, organizer_name TEXT, organizer_email TEXT, show_as TEXT NOT NULL, sensitivity TEXT NOT NULL,
  is_cancelled INTEGER NOT NULL, categories TEXT NOT NULL, attendees TEXT, body TEXT, last_modified TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (mailbox, folder, event_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_by_start ON events (start);
CREATE TABLE IF NOT EXISTS sync_state (
  job_id TEXT NOT NULL, mailbox TEXT NOT NULL, folder TEXT NOT NULL,
  sequence INTEGER NOT NULL, output_hash TEXT NOT NULL, window_from TEXT NOT NULL, window_to TEXT NOT NULL,
  items INTEGER NOT NULL, committed_at TEXT NOT NULL,
  PRIMARY KEY (job_id, mailbox, folder)
) WITHOUT ROWID;
${itemTablesSqlite()}
PRAGMA user_version = 1;
`;

interface ItemStatements {
  upsert: Database.Statement<[Record<string, unknown>]>;
  del: Database.Statement<[string, string, string]>;
  clear: Database.Statement<[string, string]>;
}

function row(mailbox: string, folder: string, e: NormalisedEvent) {
  return {
    mailbox,
    folder,
    event_key: eventKey(e),
    ical_uid: e.iCalUId,
    series_id: e.seriesId ?? null,
    original_start: e.originalStart ?? null,
    subject: e.subject,
    start: e.start,
    end: e.end,
    time_zone: e.timeZone,
    is_all_day: e.isAllDay ? 1 : 0,
    location: e.location,
    organizer_name: e.organizer?.name ?? null,
    organizer_email: e.organizer?.email ?? null,
    show_as: e.showAs,
    sensitivity: e.sensitivity,
    is_cancelled: e.isCancelled ? 1 : 0,
    categories: JSON.stringify(e.categories),
    attendees: e.attendees ? JSON.stringify(e.attendees) : null,
    body: e.body ?? null,
    last_modified: e.lastModified,
    json: JSON.stringify(orderedEvent(e)),
  };
}

export class SqliteTarget implements PumpTarget {
  readonly kind = 'sqlite' as const;
  readonly id: string;
  private readonly db: Database.Database;
  private readonly apply: (batch: FolderBatch, state: SyncStateRecord) => void;
  private readonly retire: (batch: FolderBatch) => void;
  private readonly stateRow: Database.Statement<[string, string, string], { sequence: number; output_hash: string }>;

  constructor(
    private readonly file: string,
    private readonly states: SyncStateStore,
  ) {
    this.id = `sqlite:${file}`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      // FULL: a committed transaction survives power loss, which the sync state relies on.
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 10000');
      this.db.exec(SCHEMA);
    } catch (e) {
      throw this.failure(e);
    }
    const upsert = this.db
      .prepare(`INSERT OR REPLACE INTO events VALUES (@mailbox, @folder, @event_key, @ical_uid, @series_id, @original_start,
      @subject, @start, @end, @time_zone, @is_all_day, @location, @organizer_name, @organizer_email, @show_as, @sensitivity,
      @is_cancelled, @categories, @attendees, @body, @last_modified, @json)`);
    const del = this.db.prepare('DELETE FROM events WHERE mailbox = ? AND folder = ? AND event_key = ?');
    const clear = this.db.prepare('DELETE FROM events WHERE mailbox = ? AND folder = ?');
    const saveState = this.db.prepare(`INSERT OR REPLACE INTO sync_state VALUES (@job_id, @mailbox, @folder, @sequence, @output_hash,
      @window_from, @window_to, @items, @committed_at)`);
    const dropState = this.db.prepare('DELETE FROM sync_state WHERE job_id = ? AND mailbox = ? AND folder = ?');
    const items = Object.fromEntries(
      ITEM_TABLES.map((t) => [
        t,
        {
          upsert: this.db.prepare<[Record<string, unknown>]>(
            `INSERT OR REPLACE INTO ${t} VALUES (@mailbox, @folder, @item_id, ${ITEM_COLUMNS[t].map((c) => `@${c}`).join(', ')})`,
          ),
          del: this.db.prepare<[string, string, string]>(`DELETE FROM ${t} WHERE mailbox = ? AND folder = ? AND item_id = ?`),
          clear: this.db.prepare<[string, string]>(`DELETE FROM ${t} WHERE mailbox = ? AND folder = ?`),
        },
      ]),
    ) as Record<ItemTable, ItemStatements>;
    /** A contacts or tasks batch: the ids that left go from both tables (a delete does not say its kind). */
    const applyItems = (mailbox: string, folder: string, b: ItemBatch, reset: boolean) => {
      for (const t of ITEM_TABLES) {
        if (reset) items[t].clear.run(mailbox, folder);
        else for (const id of b.deletes) items[t].del.run(mailbox, folder, id);
      }
      for (const i of reset ? b.all : b.upserts) items[tableOf(i)].upsert.run(itemRow(mailbox, folder, i, true));
    };
    this.retire = this.db.transaction((b: FolderBatch) => {
      clear.run(b.mailbox.toLowerCase(), b.folder);
      for (const t of ITEM_TABLES) items[t].clear.run(b.mailbox.toLowerCase(), b.folder);
      dropState.run(b.jobId, b.mailbox.toLowerCase(), b.folder);
    });
    this.stateRow = this.db.prepare('SELECT sequence, output_hash FROM sync_state WHERE job_id = ? AND mailbox = ? AND folder = ?');
    this.apply = this.db.transaction((b: FolderBatch, s: SyncStateRecord) => {
      const mailbox = b.mailbox.toLowerCase();
      if (b.items) applyItems(mailbox, b.folder, b.items, b.reset);
      else {
        if (b.reset) clear.run(mailbox, b.folder);
        for (const k of b.deletes) del.run(mailbox, b.folder, k);
        for (const e of b.reset ? b.events : b.upserts) upsert.run(row(mailbox, b.folder, e));
      }
      saveState.run({
        job_id: s.jobId,
        mailbox,
        folder: s.folder,
        sequence: s.sequence,
        output_hash: s.outputHash,
        window_from: s.window.from,
        window_to: s.window.to,
        items: s.items?.length ?? s.events.length,
        committed_at: s.committedAt,
      });
    });
  }

  /** The database holds a state's output when its state row records the same sequence and output. */
  async holds(state: SyncStateRecord): Promise<boolean> {
    const r = this.stateRow.get(state.jobId, state.mailbox.toLowerCase(), state.folder);
    return !!r && r.sequence === state.sequence && r.output_hash === state.outputHash;
  }

  async write(batch: FolderBatch): Promise<WrittenOutput> {
    // Nothing is applied before commit: the events and the state row go in together or not at all.
    return {
      commit: async (state) => {
        try {
          this.apply(batch, state);
        } catch (e) {
          throw this.failure(e);
        }
        await this.states.commit(state);
      },
    };
  }

  /** The folder's rows and its state row go in one transaction (synchronous = FULL: durable when it returns). */
  async remove(batch: FolderBatch): Promise<void> {
    try {
      this.retire(batch);
    } catch (e) {
      throw this.failure(e);
    }
  }

  async outputs(): Promise<RunOutput[]> {
    // Move what the WAL holds into the file first, so its size is the data's.
    if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
    const db = await fileOutput(this.file);
    return db ? [db] : [];
  }

  private failure(e: unknown): CalpumpError {
    const err = e as Error & { code?: string };
    return new CalpumpError('export.sqlite.failed', {
      params: { file: this.file, reason: err.code ?? err.message },
      evidence: err.message,
      cause: e,
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
