// At most one run of a job at a time across processes (a scheduled run in `serve` and `calpump jobs run`).
// The lock file holds the owner's pid; a lock whose process is gone (killed, crashed) is taken over at once.
// The lock is made by hard-linking a file that already holds the pid, so no one ever sees it empty: a
// second run, however loaded the machine, finds either no lock or a lock with its owner in it.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CalpumpError } from '../errors/calpump-error.js';
import { processAlive as alive } from '../process/process-alive.js';

export async function acquireRunLock(path: string, jobName: string): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true });
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, String(process.pid), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(draft, path);
        return () => rm(path, { force: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
        if (alive(owner)) throw new CalpumpError('pump.jobRunning', { params: { job: jobName } });
        // The owner is gone (killed, crashed): take the lock over.
        await rm(path, { force: true });
      }
    }
    throw new CalpumpError('pump.jobRunning', { params: { job: jobName } });
  } finally {
    await rm(draft, { force: true });
  }
}
