// Live progress of every job, from host events, for the lifetime of the Jobs screen.
import { useMemo, useState } from 'react';
import { useEvent } from '../../app/use-event.js';
import { JobProgressModel } from '../../models/job-progress-model.js';

export function useJobProgress(onFinished?: (jobId: string) => void): { model: JobProgressModel; version: number } {
  const model = useMemo(() => new JobProgressModel(), []);
  const [version, setVersion] = useState(0);
  useEvent('job.progress', (e) => {
    model.onProgress(e);
    setVersion((v) => v + 1);
  });
  useEvent('job.waiting', (e) => {
    model.onWaiting(e);
    setVersion((v) => v + 1);
  });
  useEvent('job.status', (e) => {
    model.onStatus(e);
    setVersion((v) => v + 1);
    if (['ok', 'partial', 'failed', 'cancelled', 'interrupted'].includes(e.status)) onFinished?.(e.jobId);
  });
  return { model, version };
}
