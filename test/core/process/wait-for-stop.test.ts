// A foreground command stops on a signal, and when the process that started it is gone: `npm run demo` killed
// outright must not leave a server running. Real processes: a parent starts `calpump sim` and is SIGKILLed.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { waitForStop } from '../../../src/core/process/wait-for-stop.js';
import { waitUntil } from '../../support/wait-until.js';

const BIN = fileURLToPath(new URL('../../../bin/calpump.js', import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('waitForStop', () => {
  it('returns when the abort signal fires', async () => {
    const ac = new AbortController();
    const stopped = waitForStop(ac.signal);
    ac.abort();
    await expect(stopped).resolves.toBeUndefined();
  });

  it('stops `calpump sim` when its parent is killed (no orphan server)', async () => {
    // The parent prints its child's pid; the child writes to a file (a pipe through the dead parent would end it
    // with EPIPE and hide what is tested here). The parent never waits for or signals the child.
    const dir = await mkdtemp(join(tmpdir(), 'calpump-orphan-'));
    const log = join(dir, 'sim.log');
    const parentScript = `
      const { spawn } = require('node:child_process');
      const { openSync } = require('node:fs');
      const child = spawn(process.execPath, [${JSON.stringify(BIN)}, 'sim', '--port', '0', '--mailboxes', '0', '--events', '0'], { stdio: ['ignore', openSync(${JSON.stringify(log)}, 'w'), 'ignore'] });
      console.log('child ' + child.pid);
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    parent.stdout.on('data', (c) => (out += c));
    const started = async () => (await readFile(log, 'utf8').catch(() => '')).includes('Ctrl+C');
    let childPid = 0;
    try {
      await waitUntil(started, 'the simulator to start', { timeoutMs: 60_000, everyMs: 100 });
      childPid = Number(/child (\d+)/.exec(out)![1]);
      expect(alive(childPid)).toBe(true);
      parent.kill('SIGKILL');
      await waitUntil(() => !alive(childPid), 'the orphaned simulator to stop', { timeoutMs: 30_000, everyMs: 100 });
    } finally {
      parent.kill('SIGKILL');
      if (childPid && alive(childPid)) process.kill(childPid, 'SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
