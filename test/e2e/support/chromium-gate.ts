// Where Chromium is missing, an e2e suite must not pass quietly: in CI (CI set) it FAILS with what to install;
// on a developer machine it is skipped with a loud notice on stderr naming the suites that did not run.
import { describe, it } from 'vitest';
import { chromiumExecutable } from './harness.js';

export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

const MISSING =
  'Chromium was not found (/usr/bin/chromium or CHROMIUM_PATH). Install it (Debian: apt-get install chromium) — the end-to-end tests drive the UI in it.';

/** What a suite that needs Chromium does here: run it, fail it (CI), or skip it loudly (developer machine). */
export function chromiumGate(executable: string | undefined, env: NodeJS.ProcessEnv = process.env): 'run' | 'fail' | 'skip' {
  return executable ? 'run' : inCi(env) ? 'fail' : 'skip';
}

/** `describe` for a suite that needs Chromium (see the file comment for what happens without it). */
export function describeInChromium(title: string, body: () => void): void {
  const gate = chromiumGate(chromiumExecutable());
  if (gate === 'run') {
    describe(title, body);
    return;
  }
  if (gate === 'fail') {
    describe(title, () => {
      it('has Chromium to run in (CI requires it)', () => {
        throw new Error(MISSING);
      });
    });
    return;
  }
  const line = `!!! SKIPPED end-to-end suite "${title}": ${MISSING} CI fails instead of skipping.`;
  process.stderr.write(`\n${'!'.repeat(Math.min(line.length, 110))}\n${line}\n${'!'.repeat(Math.min(line.length, 110))}\n\n`);
  describe.runIf(false)(title, body);
}
