// Time as the scheduler sees it. Injected so tests drive the schedule without waiting or module mocks.
export interface SchedulerClock {
  now(): Date;
  /** Calls fn after ms (or at once when ms <= 0); returns a cancel function. */
  setTimer(ms: number, fn: () => void): () => void;
}

// setTimeout cannot wait longer than ~24.8 days; longer waits are re-armed in steps.
const MAX_TIMER = 2 ** 31 - 1;

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  setTimer(ms, fn) {
    let handle: NodeJS.Timeout;
    const arm = (left: number) => {
      handle = setTimeout(() => (left > MAX_TIMER ? arm(left - MAX_TIMER) : fn()), Math.max(0, Math.min(left, MAX_TIMER)));
      handle.unref?.();
    };
    arm(ms);
    return () => clearTimeout(handle);
  },
};
