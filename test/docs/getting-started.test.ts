// docs/getting-started.md promises that every simulator step "runs as written". This test holds it to that: it
// takes the shell blocks of steps 4–8 exactly as the page shows them (not the blockquotes for real servers), runs
// them in bash with `npx calpump` pointing at this checkout, and checks that they end in a job that exported.
import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.mjs';
import { currentBundle } from '../../scripts/cli-bundle.mjs';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { tempConfigDir } from '../headless/cli/helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = join(ROOT, 'docs', 'getting-started.md');
const BIN = join(ROOT, 'bin', 'calpump.js');

interface Block {
  step: number;
  script: string;
}

/** The fenced `sh` blocks of the numbered steps, outside blockquotes (those are for real servers). */
function stepBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let step = 0;
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^## (\d+)\./.exec(line);
    if (heading) step = Number(heading[1]);
    if (current) {
      if (line.startsWith('```')) {
        blocks.push({ step, script: current.join('\n') });
        current = undefined;
      } else current.push(line);
    } else if (line === '```sh') current = [];
  }
  return blocks;
}

function bash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('docs/getting-started.md against the simulator', () => {
  let sim: RunningSimulator;
  let home: string;
  let configDir: string;

  beforeAll(async () => {
    if (!currentBundle()) await buildCli({ quiet: true });
    sim = await startSimulator({ port: 0 });
    home = await tempConfigDir();
    configDir = await tempConfigDir();
  }, 120_000);

  afterAll(async () => {
    await sim?.stop();
    for (const dir of [home, configDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the steps the page promises', async () => {
    const steps = new Set(stepBlocks(await readFile(PAGE, 'utf8')).map((b) => b.step));
    for (const n of [2, 3, 4, 6, 7, 8, 9]) expect(steps.has(n), `step ${n} has a shell block`).toBe(true);
  });

  it('runs steps 4 to 8 as written and ends with a job that exported the rooms', async () => {
    const blocks = stepBlocks(await readFile(PAGE, 'utf8')).filter((b) => b.step >= 4 && b.step <= 8);
    const env = {
      PATH: `${join(home, 'bin')}:${process.env.PATH ?? ''}`,
      HOME: home,
      CALPUMP_CONFIG_DIR: configDir,
    };
    // `npx calpump` in a checkout runs bin/calpump.js; a function keeps the page's command lines untouched.
    const prelude = `npx() { if [ "$1" = calpump ]; then shift; node ${JSON.stringify(BIN)} "$@"; else command npx "$@"; fi; }\n`;
    const outputs: string[] = [];
    for (const block of blocks) {
      // The placeholders the page asks the reader to fill in from what `sim` printed.
      const script = block.script
        .replace('https://127.0.0.1:<port>/EWS/Exchange.asmx', sim.ewsUrl)
        .replace('<the CA file>', JSON.stringify(sim.caFile ?? ''));
      expect(script, `step ${block.step} leaves no placeholder`).not.toMatch(/<[a-z][^>]*>/i);
      const r = await bash(prelude + script, env);
      expect(r.code, `step ${block.step} failed:\n${script}\n${r.out}`).toBe(0);
      outputs.push(r.out);
    }
    const all = outputs.join('\n');
    expect(all).toMatch(/^Kalender \(\d+\)/m);
    const exported = await readdir(join(home, 'calpump-export'));
    expect(exported.filter((f) => f.endsWith('.ics')).length).toBeGreaterThan(0);
    expect(all).toContain('Room calendars');
  }, 240_000);
});
