// Whether a process id names a running process on this machine (signal 0 checks without touching it). EPERM
// means it exists but belongs to another user: alive.
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
