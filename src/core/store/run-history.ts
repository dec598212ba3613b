// The one run history every host shares (`calpump jobs run`, `export --job`, `serve`, the desktop app):
// `<config dir>/history/runs.jsonl`, append-only and rotated (store/jsonl-log.ts). A run writes a start line
// when it begins and its RunRecord when it ends; a start without an end whose process is gone is a run that
// was killed — it reads as "interrupted", and the next host to start records it so. Read by `jobs history`,
// `jobs list`, the UI and the tray. The formats older versions wrote are brought in once (run-history-migrate.ts).
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { RunRecord } from '../../shared/job.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { processAlive } from '../process/process-alive.js';
import { JsonlLog, type JsonlLogOptions } from './jsonl-log.js';
import { migrateRunHistory } from './run-history-migrate.js';
import { endLine, historyLineSchema, type HistoryLine, type RunStart, type StartLine } from './run-history-lines.js';

export type { RunStart } from './run-history-lines.js';

export const HISTORY_FILE = join('history', 'runs.jsonl');
/** A run on another machine (a shared config folder) cannot be checked: it counts as interrupted after this. */
const FOREIGN_RUN_MS = 24 * 60 * 60 * 1000;

export interface RunHistoryOptions extends JsonlLogOptions {
  /** Whether the process that wrote a start line still runs (default: its pid on this machine). */
  alive?: (start: { pid: number; host: string; startedAt: string }) => boolean;
}

interface Folded {
  /** Finished runs, and killed runs as interrupted, newest start first. */
  records: RunRecord[];
  /** Starts whose process is gone and that have no end line yet. */
  dead: StartLine[];
}

export class RunHistory {
  private readonly log: JsonlLog<HistoryLine>;
  private readonly alive: NonNullable<RunHistoryOptions['alive']>;
  private readonly now: () => Date;
  private ready?: Promise<void>;

  constructor(
    private readonly configDir: string,
    opts: RunHistoryOptions = {},
  ) {
    this.log = new JsonlLog(join(configDir, HISTORY_FILE), (v) => historyLineSchema.safeParse(v).data, opts);
    this.now = opts.now ?? (() => new Date());
    const host = hostname();
    this.alive =
      opts.alive ?? ((s) => (s.host === host ? processAlive(s.pid) : this.now().getTime() - Date.parse(s.startedAt) < FOREIGN_RUN_MS));
  }

  get path(): string {
    return this.log.path;
  }

  /** Brings in the older formats once; a failure leaves them where they are for the next attempt. */
  private prepare(): Promise<void> {
    this.ready ??= migrateRunHistory(this.configDir, this.log).then(
      () => undefined,
      () => void (this.ready = undefined),
    );
    return this.ready;
  }

  async started(run: RunStart): Promise<void> {
    await this.prepare();
    await this.log.append({ v: 1, t: 'start', ...run, pid: process.pid, host: hostname() });
  }

  async finished(record: RunRecord): Promise<void> {
    await this.prepare();
    await this.log.append(endLine(record));
  }

  /** Newest first; every job when `jobId` is undefined. */
  async list(jobId: string | undefined, limit = Infinity): Promise<RunRecord[]> {
    const { records } = await this.fold();
    return (jobId === undefined ? records : records.filter((r) => r.jobId === jobId)).slice(0, limit);
  }

  async last(jobId: string): Promise<RunRecord | undefined> {
    return (await this.fold()).records.find((r) => r.jobId === jobId);
  }

  /** Forgets a job's runs (the job was removed). */
  async removeJob(jobId: string): Promise<void> {
    await this.prepare();
    await this.log.append({ v: 1, t: 'removed', jobId, at: this.now().toISOString() });
  }

  /**
   * Records every run whose process ended before the run did as interrupted (a host calls this when it starts),
   * so it stays interrupted even if its process id is used again. Returns those runs.
   */
  async recordInterrupted(): Promise<RunRecord[]> {
    await this.prepare();
    return this.log.locked(async () => {
      const { dead } = await this.fold();
      const records = dead.map(interrupted);
      await this.log.appendUnlocked(records.map(endLine));
      return records;
    });
  }

  private async fold(): Promise<Folded> {
    await this.prepare();
    const runs = new Map<string, { start?: StartLine; end?: RunRecord }>();
    for (const line of await this.log.entries()) {
      if (line.t === 'removed') {
        for (const [id, r] of runs) if ((r.end ?? r.start)?.jobId === line.jobId) runs.delete(id);
        continue;
      }
      const runId = line.t === 'start' ? line.runId : line.record.runId;
      const run = runs.get(runId) ?? {};
      if (line.t === 'start') run.start = line;
      else run.end = line.record; // the last end wins
      runs.set(runId, run);
    }
    const records: RunRecord[] = [];
    const dead: StartLine[] = [];
    for (const { start, end } of runs.values()) {
      if (end) records.push(end);
      else if (start && !this.alive(start)) {
        dead.push(start);
        records.push(interrupted(start));
      }
    }
    // Newest start first; among runs that started at the same moment, the one recorded last first.
    records.reverse().sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return { records, dead };
  }
}

/** The record of a run whose process ended before it did: what it did is unknown, only when it started. */
function interrupted(s: StartLine): RunRecord {
  return {
    runId: s.runId,
    jobId: s.jobId,
    jobName: s.jobName,
    trigger: s.trigger,
    dryRun: s.dryRun,
    startedAt: s.startedAt,
    finishedAt: s.startedAt,
    status: 'interrupted',
    mailboxesOk: 0,
    mailboxesFailed: 0,
    items: 0,
    itemsWritten: 0,
    errors: [{ error: new CalpumpError('pump.interrupted', { params: { job: s.jobName } }).info() }],
    mailboxes: [],
    outputs: [],
    feeds: [],
  };
}
