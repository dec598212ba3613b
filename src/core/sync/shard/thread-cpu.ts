// CPU time of the calling thread alone (Linux: /proc/thread-self/schedstat, nanoseconds on the CPU), for the
// logs that tell how an export's work split between this thread and its workers. Undefined where the file is
// not there (Windows, macOS): process.cpuUsage() counts every thread of the process together.
import { readFileSync } from 'node:fs';

export function threadCpuMs(): number | undefined {
  try {
    const ns = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}
