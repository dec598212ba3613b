// Vitest global setup: every temporary folder of a test run lives under one per-run root, removed when the run
// ends. Tests make their folders with mkdtemp(tmpdir()) and most remove them, but a fork that vitest stops, a
// child process that is killed, or an exit handler that never runs leaves them behind — a full run used to leave
// about 1,300 folders in /tmp. TMPDIR is set before the test processes start, so they (and every program they
// spawn: the simulator, Chromium, krb5kdc, postgres) inherit it; os.tmpdir() reads it on every call.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  const previous = process.env.TMPDIR;
  const root = await mkdtemp(join(tmpdir(), 'calpump-test-run-'));
  // mkdtemp makes it 0700: real peers that drop to their own user (postgres, Apache's workers) could not reach
  // their folders inside it. Traversal only — nobody else can list it, and each test's own folder keeps its mode.
  await chmod(root, 0o711);
  process.env.TMPDIR = root;
  return async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    await rm(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
