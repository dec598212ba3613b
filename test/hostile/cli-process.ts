// Runs the real CLI (bin/calpump.js) as a child process, the way an administrator does, and reports its exit
// code, output, wall time and peak memory (from rss-probe.cjs). A child still running after `timeoutMs` is
// killed and reported as such: a hang is a failure the test names, not a stuck suite.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/calpump.js', import.meta.url));
const PROBE = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory in MiB (undefined when the child was killed before it could say). */
  peakMiB?: number;
  killed: boolean;
}

export async function runCalpump(
  args: string[],
  opts: { input?: string; timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<ChildResult> {
  const probeDir = await mkdtemp(join(tmpdir(), 'calpump-rss-'));
  const rssFile = join(probeDir, 'rss');
  const started = Date.now();
  const child = spawn(process.execPath, ['--require', PROBE, BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env, CALPUMP_TEST_RSS_FILE: rssFile },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
    child.stdin.end(opts.input ?? '');
  });
  clearTimeout(timer);
  const ms = Date.now() - started;
  const kib = Number(await readFile(rssFile, 'utf8').catch(() => ''));
  await rm(probeDir, { recursive: true, force: true });
  return { code, stdout, stderr, ms, killed, ...(kib > 0 ? { peakMiB: Math.round(kib / 1024) } : {}) };
}
