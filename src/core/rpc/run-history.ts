// Finished runs, newest last, as JSON lines in `<config dir>/runs.jsonl`: an append never rewrites earlier
// records, and a damaged line costs only itself. Trimmed to the newest records when it grows.
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runRecordSchema, type RunRecord } from '../../shared/job.js';
import { writeFileAtomic } from '../fs/atomic-write.js';

export const RUNS_FILE = 'runs.jsonl';

export class RunHistory {
  readonly path: string;
  private cache?: RunRecord[];

  constructor(
    dir: string,
    private readonly keep = 2000,
  ) {
    this.path = join(dir, RUNS_FILE);
  }

  async all(): Promise<RunRecord[]> {
    if (this.cache) return this.cache;
    const text = await readFile(this.path, 'utf8').catch(() => '');
    const runs: RunRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = runRecordSchema.safeParse(JSON.parse(line));
        if (parsed.success) runs.push(parsed.data);
      } catch {
        // a torn last line after a crash: skip it
      }
    }
    this.cache = runs;
    return runs;
  }

  async append(record: RunRecord): Promise<void> {
    const runs = await this.all();
    runs.push(record);
    if (runs.length > this.keep * 1.5) {
      runs.splice(0, runs.length - this.keep);
      await writeFileAtomic(this.path, runs.map((r) => JSON.stringify(r)).join('\n') + '\n');
    } else {
      await appendFile(this.path, JSON.stringify(record) + '\n', { mode: 0o600 });
    }
  }

  /** Newest first. */
  async list(jobId: string | undefined, limit: number): Promise<RunRecord[]> {
    const runs = (await this.all()).filter((r) => !jobId || r.jobId === jobId);
    return runs.slice(-limit).reverse();
  }

  async last(jobId: string): Promise<RunRecord | undefined> {
    const runs = await this.all();
    for (let i = runs.length - 1; i >= 0; i--) if (runs[i].jobId === jobId) return runs[i];
    return undefined;
  }
}
