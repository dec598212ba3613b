// When a job is due next: interval jobs count from the start of their last run (so a restart keeps the rhythm
// and a never-run job is due at once); cron jobs use croner on the machine's time zone.
import { Cron } from 'croner';
import type { Job } from '../../shared/job.js';

export function nextRunAt(job: Job, now: Date, lastStartedAt: Date | undefined): Date | undefined {
  const s = job.schedule;
  if (s.kind === 'manual' || !s.active) return undefined;
  if (s.kind === 'interval') {
    if (!lastStartedAt) return now;
    const due = new Date(lastStartedAt.getTime() + s.minutes * 60_000);
    return due < now ? now : due;
  }
  const cron = new Cron(s.cron, { paused: true });
  try {
    return cron.nextRun(lastStartedAt && lastStartedAt > now ? lastStartedAt : now) ?? undefined;
  } finally {
    cron.stop();
  }
}
