// Acceptance (issue 7) for EWS and Graph against the simulator: 500 absences into 50 mailboxes; re-run unchanged
// → zero writes (simulator counters); one row changed → one update; one row removed → one delete; a user's
// item with the same subject untouched; a run aborted after a few writes and re-run → no duplicate.
import { writeFile } from 'node:fs/promises';
import { rendered } from '../../support/rendered.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarWriter } from '../../../src/core/connectors/writer.js';
import { importJobSchema, runImport, type ImportJob } from '../../../src/core/import/index.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { absenceCsv, absences, ownedInWorld, secrets, simWriter, tempDir, writableMailboxes, writeCounts, writeCsv } from './import-sim.js';

describe.each(['ews', 'graph'] as const)('import acceptance (%s)', (kind) => {
  let sim: RunningSimulator;
  let writer: CalendarWriter;
  let mailboxes: string[];
  let dir: string;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 11, anchor: new Date('2026-03-02T06:00:00Z'), mailboxes: 60, eventsPerMailbox: 1, latencyMs: 0 });
    writer = await simWriter(sim, kind);
    mailboxes = writableMailboxes(sim, 50);
    dir = await tempDir();
  });
  afterAll(async () => {
    await writer?.close();
    await sim?.stop();
  });

  const run = (job: ImportJob, extra: Partial<Parameters<typeof runImport>[2]> = {}, dryRun = false) =>
    runImport(
      job,
      { dryRun },
      { writer, logger: nullLogger, secrets, stateDir: join(dir, 'state'), now: () => new Date('2026-03-10T12:00:00Z'), ...extra },
    );

  it('500 absences into 50 mailboxes: unchanged → 0 writes, 1 changed → 1 update, 1 removed → 1 delete, user item untouched', async () => {
    const rows = absences(500, mailboxes);
    const file = await writeCsv(dir, rows);
    const job = importJobSchema.parse({ id: 'absences', source: { path: file }, showAs: 'oof', categories: ['Absence'] });
    const victim = mailboxes[3];
    const userItem = sim.world.mutate.addEvent(victim, 'calendar', {
      subject: 'Vacation',
      date: '2026-04-04',
      time: '09:00',
      timeZone: 'UTC',
    });
    const userChangeKey = userItem.changeKey;

    const dry = await run(job, {}, true);
    expect(dry.totals).toMatchObject({ creates: 500, updates: 0, deletes: 0 });
    expect(dry.mailboxes.find((m) => m.mailbox === victim)!.planned!.every((p) => p.action === 'create')).toBe(true);
    expect(writeCounts(sim, kind)).toEqual({ create: 0, update: 0, delete: 0 });

    const first = await run(job);
    expect(first.rowErrors).toEqual([]);
    expect(first.totals).toEqual({ creates: 500, updates: 0, deletes: 0, unchanged: 0, failed: 0 });
    const owned = ownedInWorld(sim, 'absences');
    expect(owned.size).toBe(50);
    expect([...owned.values()].reduce((n, keys) => n + keys.length, 0)).toBe(500);
    if (kind === 'ews') expect(sim.counters.operation('CreateItem')).toBe(50);
    expect(sim.world.outbox).toEqual([]);

    sim.counters.reset();
    const again = await run(job);
    expect(again.totals).toEqual({ creates: 0, updates: 0, deletes: 0, unchanged: 500, failed: 0 });
    expect(writeCounts(sim, kind)).toEqual({ create: 0, update: 0, delete: 0 });

    rows[41] = { ...rows[41], subject: 'Parental leave' };
    await writeCsv(dir, rows);
    sim.counters.reset();
    const changed = await run(job);
    expect(changed.totals).toMatchObject({ creates: 0, updates: 1, deletes: 0, unchanged: 499 });
    expect(writeCounts(sim, kind)).toEqual({ create: 0, update: 1, delete: 0 });

    const removed = rows.splice(100, 1)[0];
    await writeCsv(dir, rows);
    sim.counters.reset();
    const afterRemoval = await run(job);
    expect(afterRemoval.totals).toMatchObject({ creates: 0, updates: 0, deletes: 1, unchanged: 499 });
    expect(writeCounts(sim, kind)).toEqual({ create: 0, update: 0, delete: 1 });
    expect(ownedInWorld(sim, 'absences').get(removed.mailbox)).not.toContain(removed.id);

    const still = sim.world.events.get(userItem.id)!;
    expect(still.subject).toBe('Vacation');
    expect(still.changeKey).toBe(userChangeKey);
    // Four runs over 500 rows: seconds when idle; the limit only guards against a hang on a loaded machine.
  }, 120_000);

  it('a malformed row is reported with its line and skipped; its earlier appointment is kept', async () => {
    const rows = absences(20, mailboxes.slice(0, 5), 'M');
    const file = await writeCsv(dir, rows, 'malformed.csv');
    const job = importJobSchema.parse({ id: 'malformed', source: { path: file } });
    expect((await run(job)).totals.creates).toBe(20);
    const lines = absenceCsv(rows).split('\n');
    lines[5] = lines[5].replace(/2026-\d\d-\d\d,2026/, '2026-13-45,2026');
    await writeFile(file, lines.join('\n'));
    sim.counters.reset();
    const report = await run(job);
    expect(report.rowErrors).toHaveLength(1);
    expect(report.rowErrors[0]).toMatchObject({ file, line: 6 });
    expect(report.rowErrors[0].error.id).toBe('import.row.invalid');
    expect(rendered(report.rowErrors[0].error).message).toContain('line 6');
    expect(report.totals).toMatchObject({ creates: 0, updates: 0, deletes: 0, unchanged: 19 });
    expect(writeCounts(sim, kind)).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it('aborted after a few writes and run again: every row exactly once, no duplicates', async () => {
    const rows = absences(500, mailboxes, 'K');
    const file = await writeCsv(dir, rows, 'kill.csv');
    const job = importJobSchema.parse({ id: 'killed', source: { path: file }, concurrency: 4 });
    const abort = new AbortController();
    let writes = 0;
    const partial = await run(job, { signal: abort.signal, onProgress: () => (++writes === 7 ? abort.abort() : undefined) });
    expect(partial.aborted).toBe(true);
    const between = [...ownedInWorld(sim, 'killed').values()].flat().length;
    expect(between).toBeGreaterThan(0);
    expect(between).toBeLessThan(500);

    const rest = await run(job);
    expect(rest.totals.creates).toBe(500 - between);
    const owned = ownedInWorld(sim, 'killed');
    const keys = [...owned.values()].flat();
    expect(keys).toHaveLength(500);
    expect(new Set(keys).size).toBe(500);
    sim.counters.reset();
    expect((await run(job)).totals.unchanged).toBe(500);
    expect(writeCounts(sim, kind)).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it('a mailbox whose rows all left the source loses its appointments (remembered across runs)', async () => {
    const [a, b] = mailboxes;
    const rows = [...absences(3, [a], 'GA'), ...absences(2, [b], 'GB')];
    const file = await writeCsv(dir, rows, 'gone.csv');
    const job = importJobSchema.parse({ id: 'gone', source: { path: file } });
    await run(job);
    await writeCsv(dir, rows.slice(0, 3), 'gone.csv');
    const report = await run(job);
    expect(report.mailboxes.find((m) => m.mailbox === b)).toMatchObject({ deletes: 2 });
    expect(ownedInWorld(sim, 'gone').get(b)).toBeUndefined();
    expect(ownedInWorld(sim, 'gone').get(a)).toHaveLength(3);
  });

  it("an empty source does not wipe the job's appointments", async () => {
    const file = await writeCsv(dir, absences(5, mailboxes.slice(0, 2), 'E'), 'empty.csv');
    const job = importJobSchema.parse({ id: 'emptied', source: { path: file } });
    await run(job);
    await writeFile(file, 'id,mailbox,subject,start,end\n');
    const report = await run(job);
    expect(report.error?.id).toBe('import.source.empty');
    expect(report.totals.deletes).toBe(0);
    expect([...ownedInWorld(sim, 'emptied').values()].flat()).toHaveLength(5);
    const allowed = await run(importJobSchema.parse({ ...job, allowEmptySource: true }));
    expect(allowed.totals.deletes).toBe(5);
  });
});
