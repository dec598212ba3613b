// The one place Calpump starts a Windows program (sc.exe, the WinSW wrapper, eventcreate.exe): no shell, no
// window, output captured. Thin on purpose: everything around it is tested with a fake runner.
import { execFile } from 'node:child_process';
import type { CommandRunner } from './service-manager.js';

export function nodeCommandRunner(): CommandRunner {
  return {
    run: (file, args) =>
      new Promise((resolve) => {
        execFile(file, args, { windowsHide: true, timeout: 120_000, maxBuffer: 1024 * 1024 }, (err, stdout, stderr) => {
          const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
          resolve({ code, stdout: String(stdout), stderr: err && !stderr ? err.message : String(stderr) });
        });
      }),
  };
}
