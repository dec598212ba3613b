// Reads every page of mailboxes for a profile into the list model in the background, so search-as-you-type
// works locally over all of them. Pages keep arriving while the user types; Cancel stops the paging.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors.js';
import { errorInfoOf } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { MailboxListModel } from '../../models/mailbox-list-model.js';

export interface MailboxLoader {
  model: MailboxListModel;
  /** Bumped after each page so views re-read the model. */
  version: number;
  loading: boolean;
  loaded: number;
  complete: boolean;
  cancelled: boolean;
  error?: ErrorInfo;
  cancel: () => void;
  reload: () => void;
}

export function useMailboxLoader(profileId: string | undefined): MailboxLoader {
  const client = useClient();
  const model = useMemo(() => new MailboxListModel(), []);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState({ loading: false, complete: false, cancelled: false, error: undefined as ErrorInfo | undefined });
  const ac = useRef<AbortController | null>(null);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    model.reset();
    setVersion((v) => v + 1);
    if (!profileId) return;
    const controller = new AbortController();
    ac.current = controller;
    setState({ loading: true, complete: false, cancelled: false, error: undefined });
    void (async () => {
      let cursor: string | undefined;
      try {
        do {
          const page = await client['mailboxes.list']({ profileId, cursor }, { signal: controller.signal });
          if (controller.signal.aborted) return;
          model.append(page.items);
          setVersion((v) => v + 1);
          cursor = page.nextCursor;
        } while (cursor);
        if (ac.current !== controller) return;
        setState({ loading: false, complete: true, cancelled: false, error: undefined });
      } catch (e) {
        if (ac.current !== controller && controller.signal.aborted) return;
        const error = errorInfoOf(e);
        const cancelled = controller.signal.aborted || error.id === 'rpc.cancelled';
        setState({ loading: false, complete: false, cancelled, error: cancelled ? undefined : error });
      }
    })();
    return () => controller.abort();
  }, [client, model, profileId, nonce]);

  const cancel = useCallback(() => ac.current?.abort(), []);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { model, version, loaded: model.size, cancel, reload, ...state };
}
