// The run's temporary root (temp-root.global.ts) is in effect in the test processes and in what they spawn, so
// nothing a test leaves behind outlives the run.
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { expect, test } from 'vitest';

test('temporary folders of a run live under its own root', () => {
  expect(basename(tmpdir())).toMatch(/^calpump-test-run-/);
  const child = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
  expect(child).toBe(tmpdir());
  expect(dirname(tmpdir())).not.toBe(tmpdir());
});
