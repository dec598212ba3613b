// Foreground commands (`calpump sim`, `calpump serve`) run until Ctrl+C / SIGTERM, or until a test aborts them.
export function waitForStop(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    if (signal) signal.addEventListener('abort', done, { once: true });
    else {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    }
  });
}
