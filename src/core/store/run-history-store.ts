// Per-run history of each job in `<config dir>/runs/<job id>.json`: start, end, mailboxes ok/failed, items
// written and the first errors. The newest KEEP runs are kept; older ones are dropped on append.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { runRecordSchema, type RunRecord } from '../../shared/job.js';
import { VersionedJsonFile } from './versioned-json-file.js';

const SCHEMA_VERSION = 1;
const documentSchema = z.object({ schemaVersion: z.literal(SCHEMA_VERSION), runs: z.array(runRecordSchema) });
type HistoryDocument = z.infer<typeof documentSchema>;

export const RUNS_DIR = 'runs';

export class RunHistoryStore {
  private readonly files = new Map<string, VersionedJsonFile<HistoryDocument>>();

  constructor(
    private readonly dir: string,
    private readonly keep = 100,
  ) {}

  private file(jobId: string): VersionedJsonFile<HistoryDocument> {
    let f = this.files.get(jobId);
    if (!f) {
      f = new VersionedJsonFile<HistoryDocument>({
        path: join(this.dir, RUNS_DIR, `${jobId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`),
        schemaVersion: SCHEMA_VERSION,
        schema: documentSchema,
        empty: () => ({ schemaVersion: SCHEMA_VERSION, runs: [] }),
      });
      this.files.set(jobId, f);
    }
    return f;
  }

  async append(run: RunRecord): Promise<void> {
    await this.file(run.jobId).update((doc) => ({ ...doc, runs: [run, ...doc.runs].slice(0, this.keep) }));
  }

  /** Newest first. */
  async list(jobId: string, limit = this.keep): Promise<RunRecord[]> {
    return (await this.file(jobId).read()).runs.slice(0, limit);
  }

  async last(jobId: string): Promise<RunRecord | undefined> {
    return (await this.list(jobId, 1))[0];
  }

  /** Newest first across all jobs. */
  async all(limit: number): Promise<RunRecord[]> {
    const names = await readdir(join(this.dir, RUNS_DIR)).catch(() => [] as string[]);
    const lists = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => this.list(n.slice(0, -5))));
    return lists
      .flat()
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
      .slice(0, limit);
  }

  async removeJob(jobId: string): Promise<void> {
    await rm(this.file(jobId).path, { force: true });
    this.files.delete(jobId);
  }
}
