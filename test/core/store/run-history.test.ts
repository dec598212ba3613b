// The one run history: start and end lines, killed runs read and recorded as interrupted, removal of a job,
// several writers and readers on one file, bounded size with rotation, and the one-time migration of the two
// formats older versions wrote (nothing lost).
import { spawn } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunHistory, type RunStart } from '../../../src/core/store/run-history.js';
import type { RunRecord } from '../../../src/shared/job.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function configDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'calpump-history-'));
  dirs.push(d);
  return d;
}

let seq = 0;
function start(over: Partial<RunStart> = {}): RunStart {
  seq++;
  return {
    runId: `run-${seq}`,
    jobId: 'job-a',
    jobName: 'A',
    trigger: 'schedule',
    dryRun: false,
    startedAt: new Date(Date.UTC(2026, 2, 1, 8, 0, seq)).toISOString(),
    ...over,
  };
}

function record(s: RunStart, over: Partial<RunRecord> = {}): RunRecord {
  return {
    ...s,
    finishedAt: s.startedAt,
    status: 'ok',
    mailboxesOk: 1,
    mailboxesFailed: 0,
    items: 3,
    itemsWritten: 2,
    errors: [],
    mailboxes: [{ mailbox: 'anna@contoso.com', ok: true, items: 3, itemsWritten: 2 }],
    outputs: [{ path: '/srv/out/anna@contoso.com__calendar.ics', bytes: 812, mailbox: 'anna@contoso.com' }],
    feeds: [{ mailbox: 'anna@contoso.com', path: '/feeds/A/anna%40contoso.com.ics' }],
    ...over,
  };
}

/** The pid of a process that has exited (so nothing runs under it now). */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe('RunHistory', () => {
  it('lists finished runs newest first, per job or all, with the per-mailbox results, outputs and feeds', async () => {
    const h = new RunHistory(await configDir());
    const a1 = start();
    const b1 = start({ jobId: 'job-b', jobName: 'B' });
    const a2 = start();
    for (const s of [a1, b1, a2]) await h.started(s);
    for (const s of [a1, b1, a2]) await h.finished(record(s));
    expect((await h.list('job-a', 10)).map((r) => r.runId)).toEqual([a2.runId, a1.runId]);
    expect((await h.list(undefined, 2)).map((r) => r.runId)).toEqual([a2.runId, b1.runId]);
    expect(await h.last('job-b')).toEqual(record(b1));
    expect(await h.last('job-none')).toBeUndefined();
  });

  it('shows a run whose process is gone as interrupted, and records it so once a host starts', async () => {
    const dir = await configDir();
    const s = start();
    const pid = await deadPid();
    await mkdir(join(dir, 'history'));
    await writeFile(
      join(dir, 'history', 'runs.jsonl'),
      `${JSON.stringify({ v: 1, t: 'start', ...s, pid, host: (await import('node:os')).hostname() })}\n`,
    );
    const h = new RunHistory(dir);
    const shown = await h.last('job-a');
    expect(shown).toMatchObject({ runId: s.runId, status: 'interrupted', startedAt: s.startedAt, mailboxes: [] });
    expect(shown!.errors[0].error.id).toBe('pump.interrupted');

    expect((await h.recordInterrupted()).map((r) => r.runId)).toEqual([s.runId]);
    expect(await h.recordInterrupted()).toEqual([]);
    // Recorded: even if the process id were alive again, the run stays interrupted.
    const later = new RunHistory(dir, { alive: () => true });
    expect((await later.list('job-a', 5)).map((r) => r.status)).toEqual(['interrupted']);
  });

  it('does not list a run whose process still runs it', async () => {
    const h = new RunHistory(await configDir());
    await h.started(start());
    expect(await h.list(undefined, 5)).toEqual([]);
    expect(await h.recordInterrupted()).toEqual([]);
  });

  it('forgets the runs of a removed job', async () => {
    const h = new RunHistory(await configDir());
    const a = start();
    const b = start({ jobId: 'job-b' });
    for (const s of [a, b]) await h.finished(record(s));
    await h.removeJob('job-a');
    expect((await h.list(undefined, 5)).map((r) => r.jobId)).toEqual(['job-b']);
  });

  it('sees what another writer appended since its last read', async () => {
    const dir = await configDir();
    const reader = new RunHistory(dir);
    const writer = new RunHistory(dir);
    const a = start();
    await writer.finished(record(a));
    expect(await reader.list(undefined, 5)).toHaveLength(1);
    const b = start();
    await writer.finished(record(b));
    expect((await reader.list(undefined, 5)).map((r) => r.runId)).toEqual([b.runId, a.runId]);
  });

  it('keeps every line when writers append at the same time', async () => {
    const dir = await configDir();
    const writers = [new RunHistory(dir), new RunHistory(dir), new RunHistory(dir)];
    const runs = Array.from({ length: 60 }, () => start());
    await Promise.all(runs.map((s, i) => writers[i % 3].finished(record(s))));
    expect(await new RunHistory(dir).list(undefined, 100)).toHaveLength(60);
  });

  it('skips a line torn by a crash and keeps the ones after it', async () => {
    const dir = await configDir();
    const h = new RunHistory(dir);
    const a = start();
    await h.finished(record(a));
    await appendFile(join(dir, 'history', 'runs.jsonl'), '{"v":1,"t":"end","record":{"runId":"torn');
    const b = start();
    await h.finished(record(b));
    expect((await new RunHistory(dir).list(undefined, 5)).map((r) => r.runId)).toEqual([b.runId, a.runId]);
  });

  it('stays bounded: the file rotates into a few segments and the oldest go', async () => {
    const dir = await configDir();
    const h = new RunHistory(dir, { maxBytes: 4096, keepSegments: 2 });
    const runs = Array.from({ length: 80 }, () => start());
    for (const s of runs) await h.finished(record(s));
    const files = await readdir(join(dir, 'history'));
    expect(files.filter((f) => f.startsWith('runs-') && f.endsWith('.jsonl'))).toHaveLength(2);
    let bytes = 0;
    for (const f of files) bytes += (await stat(join(dir, 'history', f))).size;
    expect(bytes).toBeLessThan(3 * (4096 + 1024));
    const kept = await new RunHistory(dir).list(undefined, 1000);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(80);
    expect(kept[0].runId).toBe(runs.at(-1)!.runId);
  });
});

describe('RunHistory migration', () => {
  const old = (s: RunStart, status: RunRecord['status'] = 'ok') => {
    const rest: Partial<RunRecord> = record(s, { status });
    delete rest.mailboxes;
    delete rest.outputs;
    delete rest.feeds;
    return rest; // the shape older versions wrote
  };

  it('brings in runs/<job>.json and runs.jsonl once, nothing lost, and keeps the old files aside', async () => {
    const dir = await configDir();
    const cli = [start({ trigger: 'cli' }), start({ trigger: 'cli' })];
    const ui = [start({ jobId: 'job-b', jobName: 'B' }), start({ trigger: 'manual' })];
    await mkdir(join(dir, 'runs'));
    await writeFile(join(dir, 'runs', 'job-a.json'), JSON.stringify({ schemaVersion: 1, runs: [old(cli[1]), old(cli[0], 'partial')] }));
    await writeFile(join(dir, 'runs.jsonl'), `${ui.map((s) => JSON.stringify(old(s))).join('\n')}\n{"torn`);

    const h = new RunHistory(dir);
    const all = await h.list(undefined, 10);
    expect(all.map((r) => r.runId).sort()).toEqual([...cli, ...ui].map((s) => s.runId).sort());
    expect(all.find((r) => r.runId === cli[0].runId)).toMatchObject({ status: 'partial', trigger: 'cli', mailboxes: [], outputs: [] });
    const names = await readdir(dir);
    expect(names).toContain('runs.migrated');
    expect(names).toContain('runs.jsonl.migrated');
    expect(names).not.toContain('runs');
    expect(names).not.toContain('runs.jsonl');
    expect(await readFile(join(dir, 'runs.jsonl.migrated'), 'utf8')).toContain('{"torn');

    // A second host, and an old version writing runs.jsonl once more: each run appears once.
    await writeFile(join(dir, 'runs.jsonl'), `${JSON.stringify(old(ui[0]))}\n`);
    const again = new RunHistory(dir);
    await again.finished(record(start()));
    expect(await again.list(undefined, 10)).toHaveLength(5);
    expect(await readdir(dir)).toContain('runs.jsonl.migrated-1');
  });
});
