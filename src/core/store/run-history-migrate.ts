// Older versions kept two run histories: `runs/<job id>.json` (the CLI, newest first, schema-versioned) and
// `runs.jsonl` (serve and the desktop app, one RunRecord a line). The first host of this version to start
// copies every run from both into the shared history's oldest segment, then renames the old files to
// `*.migrated` (kept, not deleted: nothing is lost even if a line did not parse). Under the history's lock, and
// repeatable: a crash between the copy and the renames copies again into the same segment, without duplicates.
import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runRecordSchema, type RunRecord } from '../../shared/job.js';
import { FIRST_SEGMENT_STAMP, type JsonlLog } from './jsonl-log.js';
import { endLine, type HistoryLine } from './run-history-lines.js';

export const OLD_CLI_DIR = 'runs';
export const OLD_UI_FILE = 'runs.jsonl';
const LABEL = 'migrated';

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** Brings the old histories in (when there are any); returns how many runs the migrated segment holds. */
export async function migrateRunHistory(configDir: string, log: JsonlLog<HistoryLine>): Promise<number> {
  const cliDir = join(configDir, OLD_CLI_DIR);
  const uiFile = join(configDir, OLD_UI_FILE);
  if (!(await exists(cliDir)) && !(await exists(uiFile))) return 0;
  return log.locked(async () => {
    const runs = new Map<string, RunRecord>();
    for (const line of await log.readSegment(FIRST_SEGMENT_STAMP, LABEL)) if (line.t === 'end') runs.set(line.record.runId, line.record);
    const before = runs.size;
    for (const r of await readUiFile(uiFile)) runs.set(r.runId, r);
    for (const r of await readCliDir(cliDir)) runs.set(r.runId, r);
    if (runs.size > before || before === 0) {
      const ordered = [...runs.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      await log.writeSegment(FIRST_SEGMENT_STAMP, LABEL, ordered.map(endLine));
    }
    await setAside(uiFile);
    await setAside(cliDir);
    return runs.size;
  });
}

function parseRecord(v: unknown): RunRecord | undefined {
  return runRecordSchema.safeParse(v).data;
}

async function readUiFile(path: string): Promise<RunRecord[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const out: RunRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = parseRecord(JSON.parse(line));
      if (r) out.push(r);
    } catch {
      // a torn line: the original file is kept as runs.jsonl.migrated
    }
  }
  return out;
}

async function readCliDir(dir: string): Promise<RunRecord[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: RunRecord[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      const doc = JSON.parse(await readFile(join(dir, name), 'utf8')) as { runs?: unknown };
      for (const v of Array.isArray(doc.runs) ? doc.runs : []) {
        const r = parseRecord(v);
        if (r) out.push(r);
      }
    } catch {
      // unreadable: the original is kept in runs.migrated
    }
  }
  return out;
}

/** Renames an old file or folder to `<name>.migrated` (or `.migrated-<n>` when that name is taken). */
async function setAside(path: string): Promise<void> {
  if (!(await exists(path))) return;
  for (let n = 0; ; n++) {
    const to = `${path}.migrated${n ? `-${n}` : ''}`;
    if (await exists(to)) continue;
    await rename(path, to);
    return;
  }
}
