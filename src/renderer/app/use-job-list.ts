// The jobs (and the entries too broken to run) as the home screen and the jobs screen show them, loaded once and
// again whenever the jobs change; with `withState`, also the app state the tray shows, kept current by its events.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../shared/errors.js';
import type { AppState, BrokenJobView, JobView } from '../../shared/rpc.js';
import { errorInfoOf } from '../../shared/rpc/client.js';
import { useClient } from './client-context.js';
import { firstCall, pendingCall, takeReady } from './prefetch.js';
import { useEvent } from './use-event.js';

export interface JobList {
  jobs?: JobView[];
  broken: BrokenJobView[];
  state?: AppState;
  error?: ErrorInfo;
  reload: () => Promise<void>;
}

export function useJobList({ withState = false }: { withState?: boolean } = {}): JobList {
  const client = useClient();
  // The boot answers when they are here already: the first render shows the jobs (see prefetch.ts).
  const [seed] = useState(() => (withState ? takeReady(['jobs.list', 'app.state'] as const) : takeReady(['jobs.list'] as const)));
  // Seeded from the page (prefetch.ts): the socket's answer still comes, and the effect below takes it.
  const seeded = useRef(seed !== undefined && !pendingCall('jobs.list') && !(withState && pendingCall('app.state')));
  const [jobs, setJobs] = useState<JobView[] | undefined>(seed?.[0].jobs);
  const [broken, setBroken] = useState<BrokenJobView[]>(seed?.[0].broken ?? []);
  const [state, setState] = useState<AppState | undefined>(seed?.[1]);
  const [error, setError] = useState<ErrorInfo | undefined>();

  const reload = useCallback(async () => {
    try {
      const [j, st] = await Promise.all([firstCall(client, 'jobs.list'), withState ? firstCall(client, 'app.state') : undefined]);
      setJobs(j.jobs);
      setBroken(j.broken ?? []);
      if (st) setState(st);
      setError(undefined);
    } catch (e) {
      setError(errorInfoOf(e));
    }
  }, [client, withState]);
  useEffect(() => {
    if (seeded.current) seeded.current = false;
    else void reload();
  }, [reload]);
  useEvent('data.changed', (c) => {
    if (c.group === 'jobs') void reload();
  });
  useEvent('app.state', (st) => {
    if (!withState) return;
    setState(st);
    void reload();
  });
  useEvent('job.status', () => {
    if (withState) void reload();
  });
  return { jobs, broken, state, error, reload };
}
