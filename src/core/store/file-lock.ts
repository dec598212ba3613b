// Serialises read-modify-write of one file between async callers in this process and between processes
// (the CLI and a running `serve` may both edit profiles). The lock is a `<file>.lock` created exclusively;
// a lock older than STALE_MS is assumed left by a crashed process and taken over.
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

const STALE_MS = 30_000;
const RETRY_MS = 25;
const chains = new Map<string, Promise<unknown>>();

export async function withFileLock<R>(path: string, fn: () => Promise<R>): Promise<R> {
  const previous = chains.get(path) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => withLockFile(path, fn));
  chains.set(path, run);
  try {
    return await run;
  } finally {
    if (chains.get(path) === run) chains.delete(path);
  }
}

async function withLockFile<R>(path: string, fn: () => Promise<R>): Promise<R> {
  const lock = `${path}.lock`;
  await mkdir(dirname(path), { recursive: true });
  for (;;) {
    try {
      const fh = await open(lock, 'wx', 0o600);
      await fh.writeFile(String(process.pid));
      await fh.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_MS) await rm(lock, { force: true });
      else await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}
