// The PostgreSQL target against a real PostgreSQL server (Debian's, a throw-away cluster on a free port): nothing
// before commit, rows and sync_state in one transaction, upserts and deletes by key, attendees replaced with
// their event, a failed batch leaves nothing behind, and a wrong password is a catalogue error without the password.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostgresTarget } from '../../../../src/core/export/targets/postgres-target.js';
import type { FolderBatch } from '../../../../src/core/export/targets/types.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { SyncStateStore } from '../../../../src/core/store/sync-state-store.js';
import { postgresTargetSchema, type RunRecord } from '../../../../src/shared/job.js';
import { eventKey } from '../../../../src/shared/model.js';
import { startPostgres, postgresTargetOn, type RunningPostgres } from '../../../peers/postgres.js';
import { sampleEvents } from '../../../support/sample-events.js';
import { firstBatch, stateOf } from '../../../support/target-batches.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';

const state = (b: FolderBatch) => stateOf(b, 'postgres:x');

describe('PostgresTarget (real PostgreSQL)', () => {
  let server: RunningPostgres;
  let dir: string;
  let states: SyncStateStore;
  let n = 0;
  let schema: string;
  beforeAll(async () => {
    server = await startPostgres();
    dir = await mkdtemp(join(tmpdir(), 'calpump-pg-'));
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    // Each test writes into its own schema of the one cluster.
    schema = `t${++n}`;
    states = new SyncStateStore(join(dir, schema), nullLogger);
  });

  const target = (password = server.password) =>
    new PostgresTarget({
      settings: postgresTargetSchema.parse(postgresTargetOn(server, schema)),
      password,
      states,
    });
  const count = async (table: string) => Number((await server.query<{ n: string }>(`select count(*) n from ${schema}.${table}`))[0].n);

  const events = sampleEvents();
  const first = firstBatch(events);

  it('writes nothing before commit, then events, attendees and the state row in one go', async () => {
    const t = target();
    const written = await t.write(first);
    expect(await t.holds(state(first))).toBe(false);
    expect(await count('events')).toBe(0);
    await written.commit(state(first));
    expect(await count('events')).toBe(events.length);
    expect(await count('attendees')).toBe(events.reduce((k, e) => k + (e.attendees?.length ?? 0), 0));
    expect(await t.holds(state(first))).toBe(true);
    expect(await states.load({ jobId: 'j', mailbox: 'Anna@contoso.com', folder: 'calendar' })).toMatchObject({ sequence: 1 });
    const [awkward] = await server.query<{ subject: string; json: unknown; mailbox: string; categories: string[] }>(
      `select subject, json, mailbox, categories from ${schema}.events where event_key = $1`,
      [eventKey(events[1])],
    );
    expect(awkward.subject).toBe(events[1].subject);
    expect(awkward.mailbox).toBe('anna@contoso.com');
    expect(awkward.categories).toEqual(events[1].categories);
    expect(awkward.json).toEqual(JSON.parse(JSON.stringify(events[1])));
    const [out] = await t.outputs();
    expect(out.path).toBe(`postgresql://postgres@127.0.0.1:${server.port}/postgres#${schema}`);
    expect(out.bytes).toBeGreaterThan(0);
    await t.close();
  });

  it('applies upserts and deletes by (mailbox, folder, event_key), and a reset replaces the folder', async () => {
    const t = target();
    await (await t.write(first)).commit(state(first));
    const changed = {
      ...events[0],
      subject: 'Renamed',
      attendees: [{ name: 'Only', email: 'only@contoso.com', type: 'optional' as const, response: 'accepted' as const }],
    };
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
    const rows = await server.query<{ event_key: string; subject: string }>(`select event_key, subject from ${schema}.events`);
    expect(rows.map((r) => r.event_key).sort()).toEqual(rest.map(eventKey).sort());
    expect(rows.find((r) => r.event_key === eventKey(events[0]))!.subject).toBe('Renamed');
    const people = await server.query<{ email: string; type: string }>(`select email, type from ${schema}.attendees where event_key = $1`, [
      eventKey(events[0]),
    ]);
    expect(people).toEqual([{ email: 'only@contoso.com', type: 'optional' }]);
    expect(await t.holds(state(first))).toBe(false);
    expect(await t.holds(state(second))).toBe(true);

    const reset: FolderBatch = { ...first, sequence: 3, outputHash: 'h3', events: [events[3]], upserts: [events[3]], reset: true };
    await (await t.write(reset)).commit(state(reset));
    expect(await count('events')).toBe(1);
    expect(await count('attendees')).toBe(events[3].attendees?.length ?? 0);
    await t.close();
  });

  it("remove() takes a former member's rows, attendees and state row together, leaves the others, and repeats safely", async () => {
    const t = target();
    const bob = { ...first, mailbox: 'Bob@contoso.com' };
    await (await t.write(first)).commit(state(first));
    await (await t.write(bob)).commit(state(bob));
    const attendeesEach = events.reduce((k, e) => k + (e.attendees?.length ?? 0), 0);
    expect(await count('events')).toBe(2 * events.length);
    await t.remove({ ...first, events: [], upserts: [], deletes: events.map(eventKey), reset: true });
    expect(await count('events')).toBe(events.length);
    expect(await count('attendees')).toBe(attendeesEach);
    const mailboxes = await server.query<{ mailbox: string }>(`select distinct mailbox from ${schema}.events`);
    expect(mailboxes.map((r) => r.mailbox)).toEqual(['bob@contoso.com']);
    const stateRows = await server.query<{ mailbox: string }>(`select mailbox from ${schema}.sync_state`);
    expect(stateRows.map((r) => r.mailbox)).toEqual(['bob@contoso.com']);
    expect(await t.holds(state(first))).toBe(false);
    expect(await t.holds(state(bob))).toBe(true);
    // After a crash the same batch comes again: nothing left to take, no error.
    await t.remove({ ...first, events: [], upserts: [], deletes: [], reset: true });
    expect(await count('events')).toBe(events.length);
    await t.close();
  });

  it('a commit that fails leaves neither rows nor state row behind, and the state file untouched', async () => {
    const t = target();
    const bad = [...events, { ...events[0], id: 'dup', iCalUId: 'x', subject: null as unknown as string }];
    const broken = { ...first, events: bad, upserts: bad };
    const err = await calpumpFailure((await t.write(broken)).commit(state(broken)));
    expect(err.id).toBe('export.postgres.failed');
    expect(await count('events')).toBe(0);
    expect(await count('sync_state')).toBe(0);
    expect(await states.load({ jobId: 'j', mailbox: 'Anna@contoso.com', folder: 'calendar' })).toBeUndefined();
    await t.close();
  });

  it('keeps a runs row per finished run', async () => {
    const t = target();
    const record = {
      runId: 'r1',
      jobId: 'j',
      jobName: 'J',
      trigger: 'manual',
      dryRun: false,
      startedAt: '2026-03-01T06:00:00.000Z',
      finishedAt: '2026-03-01T06:00:05.000Z',
      status: 'partial',
      mailboxesOk: 1,
      mailboxesFailed: 1,
      items: 4,
      itemsWritten: 4,
      errors: [{ mailbox: 'bob@contoso.com', error: { id: 'ews.mailbox.notFound', params: { mailbox: 'bob@contoso.com' } } }],
      mailboxes: [],
      outputs: [],
      feeds: [],
    } satisfies RunRecord;
    await t.recordRun(record);
    await t.recordRun(record);
    const runs = await server.query<{ run_id: string; status: string; errors: unknown }>(
      `select run_id, status, errors from ${schema}.runs`,
    );
    expect(runs).toEqual([{ run_id: 'r1', status: 'partial', errors: [{ mailbox: 'bob@contoso.com', id: 'ews.mailbox.notFound' }] }]);
    await t.close();
  });

  it('a wrong password is export.postgres.failed naming the database, never the password', async () => {
    const t = target('not-the-password');
    const err = await calpumpFailure(t.holds(state(first)));
    expect(err.id).toBe('export.postgres.failed');
    expect(err.params.database).toContain(`127.0.0.1:${server.port}`);
    expect(JSON.stringify(err.info())).not.toContain('not-the-password');
    expect(err.params.reason).toMatch(/28P01|password/);
    await t.close();
  });
});
