// The profile list many screens need (pickers in Browse, Jobs, Doctor, Setup); refetched when the host says
// profiles changed (another window, the CLI).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../shared/errors.js';
import type { ProfileView } from '../../shared/rpc.js';
import { errorInfoOf } from '../../shared/rpc/client.js';
import { useClient } from './client-context.js';
import { firstCall, pendingCall, takeReady } from './prefetch.js';
import { useEvent } from './use-event.js';

export interface ProfilesState {
  profiles: ProfileView[];
  loading: boolean;
  error?: ErrorInfo;
  reload: () => Promise<void>;
}

export function useProfiles(): ProfilesState {
  const client = useClient();
  // The boot answer when it is here already: the first render shows the profiles (see prefetch.ts).
  const [seed] = useState(() => takeReady(['profiles.list'] as const));
  const seeded = useRef(seed !== undefined);
  const [profiles, setProfiles] = useState<ProfileView[]>(seed?.[0].profiles ?? []);
  const [loading, setLoading] = useState(!seed);
  const [error, setError] = useState<ErrorInfo | undefined>();

  // `quiet`: the list on screen stays while the newer answer loads (a screen seeded from the page).
  const load = useCallback(
    async (quiet: boolean) => {
      if (!quiet) setLoading(true);
      try {
        const r = await firstCall(client, 'profiles.list');
        setProfiles(r.profiles);
        setError(undefined);
      } catch (e) {
        setError(errorInfoOf(e));
      } finally {
        setLoading(false);
      }
    },
    [client],
  );
  const reload = useCallback(() => load(false), [load]);

  useEffect(() => {
    // Seeded from the page (prefetch.ts): the socket's answer to the same call still comes; take it quietly.
    if (!seeded.current) void reload();
    else if (pendingCall('profiles.list')) void load(true);
    seeded.current = false;
  }, [reload, load]);
  useEvent('data.changed', (c) => {
    if (c.group === 'profiles') void reload();
  });

  return { profiles, loading, error, reload };
}
