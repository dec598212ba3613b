// `calpump import --dry-run` of a 1,000,000-row CSV (issue 11: peak RSS under 500 MB), run as an administrator runs
// it: the prebuilt CLI in its own process against the simulator, four mailboxes of 250,000 rows each. Peak RSS is
// the child's VmHWM (the kernel's high-water mark), read from /proc while it runs. The row counts only when the CLI
// exits 0 and its plan lists every row as a create. Alone: `npx tsx bench/import-million.ts`; in `npm run bench` as
// `--only=import`.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { addBenchProfile, BIN, ensureCliBundle } from './cli-bin.js';
import { row, startSimProcess } from './lib.js';

const ROWS = 1_000_000;
const TARGET_MB = 500;
const MAILBOXES = ['anna.schmidt@contoso.com', 'jan.devries@contoso.com', 'alice.smith@contoso.com', 'bob.jones@contoso.com'];

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,mailbox,subject,start,end\n');
  const base = Date.UTC(2027, 0, 1);
  for (let i = 0; i < rows; i++) {
    const day = new Date(base + (i % 3000) * 86_400_000).toISOString().slice(0, 10);
    if (!out.write(`r${i},${MAILBOXES[i % MAILBOXES.length]},Training ${i},${day} 09:00,${day} 10:00\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs the CLI and samples its VmHWM until it exits. */
function runMeasured(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string; peakKb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    const sample = async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      if (kb > peakKb) peakKb = kb;
    };
    const timer = setInterval(() => void sample(), 50);
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr, peakKb });
    });
  });
}

export async function importMillionRow(): Promise<string> {
  await ensureCliBundle();
  const dir = await mkdtemp(join(tmpdir(), 'calpump-bench-import-'));
  const sim = await startSimProcess({ mailboxes: 12, events: 1, latencyMs: 0 });
  try {
    const csv = join(dir, 'rows.csv');
    await writeCsv(csv, ROWS);
    const env = { CALPUMP_CONFIG_DIR: join(dir, 'config'), CALPUMP_FROM_SOURCES: '' };
    addBenchProfile(
      [
        '--url',
        sim.ewsUrl,
        '--auth',
        'basic',
        '--username',
        'svc-calpump@contoso.com',
        '--access',
        'impersonation',
        '--ca-file',
        sim.caFile,
      ],
      env,
    );
    const started = Date.now();
    const r = await runMeasured(['import', '--profile', 'bench', '--source', csv, '--id', 'bench', '--dry-run', '--json'], env);
    const seconds = (Date.now() - started) / 1000;
    const problems: string[] = [];
    if (r.code !== 0) problems.push(`exit ${r.code}: ${r.stderr.slice(0, 300)}`);
    else {
      const creates = countCreates(r.stdout);
      if (creates !== ROWS) problems.push(`the plan lists ${creates} creates, not ${ROWS}`);
    }
    const mb = r.peakKb / 1024;
    if (!r.peakKb) problems.push('no VmHWM could be read from /proc (Linux only)');
    return row(
      `import --dry-run, ${ROWS.toLocaleString('en')} CSV rows (${seconds.toFixed(0)} s)`,
      `${mb.toFixed(0)} MB`,
      `< ${TARGET_MB} MB`,
      `peak RSS ${(mb / TARGET_MB).toFixed(2)}× target`,
      mb < TARGET_MB,
      problems,
    );
  } finally {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Creates in the --json plan, summed over its mailboxes; rows read and row errors must agree. */
function countCreates(stdout: string): number {
  const doc = JSON.parse(stdout) as { rows?: number; rowErrorCount?: number; mailboxes?: Array<{ ok: boolean; creates: number }> };
  if (doc.rows !== ROWS || doc.rowErrorCount !== 0) return -1;
  return (doc.mailboxes ?? []).reduce((n, m) => n + (m.ok ? m.creates : 0), 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await importMillionRow());
