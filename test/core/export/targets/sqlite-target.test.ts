import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteTarget } from '../../../../src/core/export/targets/sqlite-target.js';
import type { FolderBatch } from '../../../../src/core/export/targets/types.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { SyncStateStore } from '../../../../src/core/store/sync-state-store.js';
import { eventKey } from '../../../../src/shared/model.js';
import { sampleEvents } from '../../../support/sample-events.js';
import { firstBatch, stateOf } from '../../../support/target-batches.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';

const state = (b: FolderBatch) => stateOf(b, 'sqlite:x');

describe('SqliteTarget', () => {
  let dir: string;
  let file: string;
  let states: SyncStateStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calpump-sqlite-'));
    file = join(dir, 'out', 'calendar.db');
    states = new SyncStateStore(join(dir, 'state'), nullLogger);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const events = sampleEvents();
  const first = firstBatch(events);

  it('writes nothing before commit, then events and the state row in one go; the sqlite3 CLI can read the file', async () => {
    const t = new SqliteTarget(file, states);
    const written = await t.write(first);
    const count = () => new Database(file, { readonly: true }).prepare('select count(*) n from events').get() as { n: number };
    expect(count().n).toBe(0);
    await written.commit(state(first));
    expect(count().n).toBe(events.length);
    expect(await t.holds(state(first))).toBe(true);
    expect(await states.load({ jobId: 'j', mailbox: 'Anna@contoso.com', folder: 'calendar' })).toMatchObject({ sequence: 1 });
    await t.close();

    expect(execFileSync('sqlite3', [file, 'select count(*) from events'], { encoding: 'utf8' }).trim()).toBe(String(events.length));
    expect(execFileSync('sqlite3', [file, 'pragma journal_mode'], { encoding: 'utf8' }).trim()).toBe('wal');
    const subject = execFileSync('sqlite3', [file, "select subject from events where event_key = 'uid-awkward@contoso.com'"], {
      encoding: 'utf8',
    });
    expect(subject.trim()).toBe(events[1].subject);
  });

  it('applies upserts and deletes by (mailbox, folder, event_key), and a reset replaces the folder', async () => {
    const t = new SqliteTarget(file, states);
    await (await t.write(first)).commit(state(first));
    const changed = { ...events[0], subject: 'Renamed' };
    const rest = [changed, ...events.slice(2)];
    const second: FolderBatch = {
      ...first,
      sequence: 2,
      outputHash: 'h2',
      events: rest,
      upserts: [changed],
      deletes: [eventKey(events[1])],
      reset: false,
    };
    await (await t.write(second)).commit(state(second));
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('select event_key, subject, json from events order by event_key').all() as Array<{
      event_key: string;
      subject: string;
      json: string;
    }>;
    expect(rows.map((r) => r.event_key).sort()).toEqual(rest.map(eventKey).sort());
    expect(rows.find((r) => r.event_key === eventKey(events[0]))!.subject).toBe('Renamed');
    expect(JSON.parse(rows[0].json)).toHaveProperty('iCalUId');
    expect(await t.holds(state(first))).toBe(false);

    const reset: FolderBatch = { ...first, sequence: 3, outputHash: 'h3', events: [events[3]], upserts: [events[3]], reset: true };
    await (await t.write(reset)).commit(state(reset));
    expect((db.prepare('select count(*) n from events').get() as { n: number }).n).toBe(1);
    db.close();
    await t.close();
  });

  it('a commit that fails leaves neither events nor state row behind', async () => {
    const t = new SqliteTarget(file, states);
    const broken = {
      ...first,
      events: [...events, { ...events[0], subject: null as unknown as string }],
      upserts: [...events, { ...events[0], id: 'dup', iCalUId: 'x', subject: null as unknown as string }],
    };
    const err = await calpumpFailure((await t.write(broken)).commit(state(broken)));
    expect(err.id).toBe('export.sqlite.failed');
    const db = new Database(file, { readonly: true });
    expect((db.prepare('select count(*) n from events').get() as { n: number }).n).toBe(0);
    expect((db.prepare('select count(*) n from sync_state').get() as { n: number }).n).toBe(0);
    db.close();
    await t.close();
  });
});
