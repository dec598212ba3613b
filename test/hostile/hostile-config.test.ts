// Acceptance (issue 11): configuration files damaged the way administrators damage them — a copy-pasted profile
// (same id), a job with a wrong value, fields this version does not know, a relative target path — met by the real
// CLI as a process. Each is reported with its entry and field; the sound entries keep working; following the
// tool's own repair hint touches only the entry it names; and nothing in the files or the secret store is lost.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { runCalpump, type ChildResult } from './cli-process.js';
import { addHostileProfile, ANNA } from './hostile-profiles.js';

let sim: RunningSimulator;
let dir: string;
let cwd: string;
let out: string;

interface Entry extends Record<string, unknown> {
  id: string;
  name: string;
}
const readEntries = async (file: string, key: 'profiles' | 'jobs') =>
  (JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<typeof key, Entry[]>)[key];
const writeEntries = async (file: string, key: 'profiles' | 'jobs', entries: unknown[]) => {
  const doc = JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>;
  await writeFile(join(dir, file), `${JSON.stringify({ ...doc, [key]: entries }, null, 2)}\n`);
};
/** The secret store's files (and its key file), by content hash: what "no secret touched" is checked against. */
async function secretFiles(): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter((n) => /secret|key/i.test(n));
  const hashes: Record<string, string> = {};
  for (const n of names)
    hashes[n] = createHash('sha256')
      .update(await readFile(join(dir, n)))
      .digest('hex');
  return hashes;
}

const calpump = (args: string[], input?: string) =>
  runCalpump(['--config-dir', dir, ...args], { timeoutMs: 120_000, cwd, ...(input === undefined ? {} : { input }) });
const why = (r: ChildResult) => `exit ${r.code}${r.killed ? ', KILLED' : ''}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, eventsPerMailbox: 10 });
  dir = await mkdtemp(join(tmpdir(), 'calpump-hostile-config-'));
  cwd = await mkdtemp(join(tmpdir(), 'calpump-hostile-cwd-'));
  out = join(dir, 'exports');
  await mkdir(out);
  await addHostileProfile(dir, 'demo', `${sim.url}/EWS/Exchange.asmx`, sim.caFile!);
}, 120_000);

afterAll(async () => {
  await sim?.stop();
  for (const d of [dir, cwd]) if (d) await rm(d, { recursive: true, force: true });
});

describe('damaged configuration files against the CLI (real processes)', () => {
  it('a copied profile, a broken job, unknown fields and a relative target: reported, the rest runs, nothing lost', async () => {
    const add = await calpump(['jobs', 'add', '--name', 'good', '--profile', 'demo', '--mailbox', ANNA, '--out', out, '--format', 'json']);
    expect(add.code, why(add)).toBe(0);
    // What an administrator's editor leaves behind.
    const [orig] = await readEntries('profiles.json', 'profiles');
    await writeEntries('profiles.json', 'profiles', [{ ...orig, site: 'HQ rack 3' }, { ...orig }]);
    const [good] = await readEntries('jobs.json', 'jobs');
    const unknown = { ticket: 'CHG-1234', futureOption: { level: 3 } };
    await writeEntries('jobs.json', 'jobs', [
      { ...good, ...unknown },
      { ...good, id: 'broken-1', name: 'broken', window: { daysBack: 'lots', daysAhead: 5 }, note: 'fix me later' },
      { ...good, id: 'relative-1', name: 'relative', target: { kind: 'folder', path: '../../etc' } },
    ]);
    const profilesBefore = await readFile(join(dir, 'profiles.json'), 'utf8');
    const secretsBefore = await secretFiles();
    expect(Object.keys(secretsBefore).length).toBeGreaterThan(0);

    // Listed, with the entry and the field; the sound entries still there.
    const profiles = await calpump(['profiles', 'list']);
    expect(profiles.stdout + profiles.stderr, why(profiles)).toContain('profiles[1]');
    expect(profiles.stdout, why(profiles)).toContain('demo');
    const jobs = await calpump(['jobs', 'list']);
    expect(jobs.stdout + jobs.stderr, why(jobs)).toMatch(/jobs\[1\]\.window\.daysBack/);
    expect(jobs.stdout + jobs.stderr, why(jobs)).toMatch(/jobs\[2\]\.target\.path/);

    // The sound job runs, with the original profile's secret, and writes where it says — not into the working folder.
    const run = await calpump(['jobs', 'run', 'good']);
    expect(run.code, why(run)).toBe(0);
    expect((await readdir(out)).some((f) => f.endsWith('.json'))).toBe(true);
    // The broken and the relative job refuse to run, naming their field; nothing lands next to the working folder.
    for (const [name, field] of [
      ['broken', 'window.daysBack'],
      ['relative', 'target.path'],
    ]) {
      const r = await calpump(['jobs', 'run', name]);
      expect(r.code, why(r)).not.toBe(0);
      expect(r.stdout + r.stderr, why(r)).toContain(field);
      expect(r.stdout + r.stderr, why(r)).not.toMatch(/at .+\.(ts|js|mjs):\d+/);
    }
    expect(await readdir(cwd)).toEqual([]);

    // Naming the profile by name or id reaches both entries: refused, nothing changed.
    for (const ref of ['demo', orig.id]) {
      const r = await calpump(['profiles', 'remove', ref]);
      expect(r.code, why(r)).not.toBe(0);
      expect(r.stdout + r.stderr, why(r)).toContain('config.ambiguous');
    }
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).toBe(profilesBefore);
    expect(await secretFiles()).toEqual(secretsBefore);

    // The repair the tool points at: remove the copy by its position. The original keeps its secret and works.
    const repair = await calpump(['profiles', 'remove', 'profiles[1]']);
    expect(repair.code, why(repair)).toBe(0);
    expect(await secretFiles()).toEqual(secretsBefore);
    const after = await readEntries('profiles.json', 'profiles');
    expect(after).toEqual([{ ...orig, site: 'HQ rack 3' }]);
    const test = await calpump(['profiles', 'test', 'demo']);
    expect(test.code, why(test)).toBe(0);

    // A rewrite of jobs.json (adding a job) keeps the unknown fields and the broken entries exactly.
    const second = await calpump(['jobs', 'add', '--name', 'second', '--profile', 'demo', '--mailbox', ANNA, '--out', out]);
    expect(second.code, why(second)).toBe(0);
    const jobsAfter = await readEntries('jobs.json', 'jobs');
    expect(jobsAfter.find((j) => j.name === 'good')).toMatchObject(unknown);
    expect(jobsAfter.find((j) => j.name === 'broken')).toMatchObject({ window: { daysBack: 'lots' }, note: 'fix me later' });
    expect(jobsAfter.find((j) => j.name === 'relative')).toMatchObject({ target: { path: '../../etc' } });
    expect(jobsAfter.map((j) => j.name).sort()).toEqual(['broken', 'good', 'relative', 'second']);
  }, 600_000);
});
