// Acceptance (issue 11): a server that misbehaves on purpose, against the commands an administrator runs —
// `profiles test`, `folders`, `export` — as real processes. Each case ends in its catalogue error (or is handled
// correctly), within a bounded time and with peak memory under 300 MB; nothing a server sent reaches the
// terminal as an escape code.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasControlChars } from '../../src/shared/control-chars.js';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { runCalpump, type ChildResult } from './cli-process.js';
import { addHostileProfile, ANNA } from './hostile-profiles.js';
import { combinedCa, ESCAPES, HOSTILE_CASES_FOR_COMMANDS, startHostileServer, type HostileServer } from './hostile-server.js';

const MAX_MIB = 300;

let sim: RunningSimulator;
let hostile: HostileServer;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, eventsPerMailbox: 20 });
  hostile = await startHostileServer({ upstream: { url: sim.url, ca: await readFile(sim.caFile!, 'utf8') } });
  dir = await mkdtemp(join(tmpdir(), 'calpump-hostile-'));
  const ca = join(dir, 'ca.pem');
  await writeFile(ca, combinedCa(sim.caFile!));
  for (const c of HOSTILE_CASES_FOR_COMMANDS) await addHostileProfile(dir, c, hostile.ewsUrl(c), ca);
}, 120_000);

afterAll(async () => {
  await hostile?.close();
  await sim?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const calpump = (args: string[]) => runCalpump(['--config-dir', dir, ...args], { timeoutMs: 120_000 });

type Command = 'test' | 'folders' | 'export';
const ALL = (id: string): Record<Command, string> => ({ test: id, folders: id, export: id });

/** What each case must end in, per command ('ok': exit 0 and a correct answer). */
const EXPECTED: Record<(typeof HOSTILE_CASES_FOR_COMMANDS)[number], Record<Command, string>> = {
  'gzip-bomb': ALL('net.response.tooLarge'),
  oversized: ALL('net.response.tooLarge'),
  endless: ALL('net.response.tooLarge'),
  'deep-xml': ALL('ews.response.malformed'),
  xxe: ALL('ews.xml.unsafe'),
  'entity-expansion': ALL('ews.xml.unsafe'),
  'html-login': ALL('ews.auth.formsLogin'),
  silence: ALL('net.timeout.idle'),
  cut: ALL('net.reset'),
  'escape-codes': ALL('ok'),
  // Folders and the test need no GetItem; the export names the short answer and writes nothing for the mailbox.
  'short-getitem': { test: 'ok', folders: 'ok', export: 'ews.response.incomplete' },
};

function describeRun(r: ChildResult): string {
  return `exit ${r.code} after ${r.ms} ms, peak ${r.peakMiB} MiB${r.killed ? ', KILLED' : ''}\n${r.stdout.slice(-1500)}\n${r.stderr.slice(-1500)}`;
}

describe('hostile servers against the CLI (real processes)', () => {
  for (const c of HOSTILE_CASES_FOR_COMMANDS) {
    it(`${c}: profiles test, folders and export end in ${[...new Set(Object.values(EXPECTED[c]))].join(' / ')}`, async () => {
      const out = join(dir, 'out', c);
      const args: Record<Command, string[]> = {
        test: ['profiles', 'test', c],
        folders: ['folders', '--profile', c, '--mailbox', ANNA],
        export: ['export', '--profile', c, '--mailbox', ANNA, '--out', out, '--format', 'ics', '--days-back', '30', '--days-ahead', '60'],
      };
      const cmds = Object.keys(args) as Command[];
      const runs = await Promise.all(cmds.map((cmd) => calpump(args[cmd])));
      cmds.forEach((cmd, i) => {
        const r = runs[i];
        const why = `${c} / ${cmd}: ${describeRun(r)}`;
        expect(r.killed, why).toBe(false);
        expect(r.peakMiB, why).toBeLessThan(MAX_MIB);
        expect(hasControlChars(r.stdout + r.stderr), why).toBe(false);
        expect(r.stdout + r.stderr, why).not.toMatch(/internal\.unexpected|\{text\}|at .+\.(ts|js|mjs):\d+/);
        const id = EXPECTED[c][cmd];
        if (id === 'ok') expect(r.code, why).toBe(0);
        else {
          expect(r.code, why).toBe(1);
          expect(r.stdout + r.stderr, why).toContain(`[${id}]`);
        }
      });
      // A silent server costs the idle timeout (plus the retries of a transient failure), not the 100 s total one.
      if (c === 'silence') for (const r of runs) expect(r.ms).toBeLessThan(90_000);
      if (c === 'short-getitem') expect(existsSync(join(out, `${ANNA}__calendar.ics`))).toBe(false);
    }, 300_000);
  }

  it('escape codes in names never reach the terminal; --json keeps the name whole, escaped', async () => {
    const text = await calpump(['folders', '--profile', 'escape-codes', '--mailbox', ANNA]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Kalender \(\d+\)/m);
    expect(hasControlChars(text.stdout + text.stderr)).toBe(false);
    const json = await calpump(['folders', '--profile', 'escape-codes', '--mailbox', ANNA, '--json']);
    expect(hasControlChars(json.stdout)).toBe(false);
    const folders = JSON.parse(json.stdout) as Array<{ name: string; distinguishedId?: string }>;
    expect(folders.find((f) => f.distinguishedId === 'calendar')!.name).toBe(`${ESCAPES.before}Kalender${ESCAPES.after}`);
  }, 300_000);
});
