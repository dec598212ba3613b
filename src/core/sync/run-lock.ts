// At most one run of a job at a time across processes (a scheduled run in `serve` and `calpump jobs run`).
// The lock file holds the owner's pid; a lock whose process is gone (killed, crashed) is taken over at once.
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CalpumpError } from '../errors/calpump-error.js';

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireRunLock(path: string, jobName: string): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      await fh.writeFile(String(process.pid));
      await fh.close();
      return () => rm(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const text = (await readFile(path, 'utf8').catch(() => '')).trim();
      if (!text && attempt < 2) {
        // The owner may be between creating the file and writing its pid.
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      if (alive(Number(text))) throw new CalpumpError('pump.jobRunning', { params: { job: jobName } });
      await rm(path, { force: true });
    }
  }
  throw new CalpumpError('pump.jobRunning', { params: { job: jobName } });
}
