// Foreground commands (`calpump sim`, `calpump serve`) run until Ctrl+C / SIGTERM / SIGHUP, until the process that
// started them is gone (`npm run demo` killed outright leaves no orphan server behind), or until a test aborts them.
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const PARENT_CHECK_MS = 1000;

export function waitForStop(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    if (signal) {
      signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    // When the parent dies, the system hands this process to another (init or a subreaper): its ppid changes.
    const parent = process.ppid;
    const watch = setInterval(() => process.ppid !== parent && done(), PARENT_CHECK_MS);
    watch.unref();
    const done = () => {
      clearInterval(watch);
      for (const s of STOP_SIGNALS) process.off(s, done);
      resolve();
    };
    for (const s of STOP_SIGNALS) process.once(s, done);
  });
}
