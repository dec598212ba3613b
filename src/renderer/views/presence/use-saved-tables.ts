// The presence screen's link to the saved rule tables: which tables there are, which one is open, whether the
// form differs from what is saved, and save / save as / reset through the host (which checks the table with the
// engine's schema and answers a field-named error when it is wrong). Another window saving refreshes the list.
import { useCallback, useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors.js';
import { errorInfoOf, type StoredPresenceTableView } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useEvent } from '../../app/use-event.js';
import { formFromTable, tableFromForm, type RuleTableForm } from '../../models/presence-rules-model.js';

export interface SavedTables {
  names: string[];
  /** The open table: name, and whether it is saved (false: the built-in default). */
  open?: { name: string; saved: boolean };
  /** The open table as last loaded or saved, in the form's shape, to tell unsaved edits apart. */
  baseline?: string;
  error?: ErrorInfo;
  busy: boolean;
  /** The last save, for the confirmation line. */
  justSaved?: string;
  load: (name: string) => void;
  save: (form: RuleTableForm, name?: string) => void;
  reset: () => void;
}

export function useSavedTables(setForm: (f: RuleTableForm) => void): SavedTables {
  const client = useClient();
  const [names, setNames] = useState<string[]>(['default']);
  const [open, setOpen] = useState<SavedTables['open']>();
  const [baseline, setBaseline] = useState<string>();
  const [error, setError] = useState<ErrorInfo>();
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState<string>();

  const refreshNames = useCallback(() => {
    client['presence.tables.list']({}).then(
      (r) => setNames(r.tables.map((t) => t.name)),
      (e: unknown) => setError(errorInfoOf(e)),
    );
  }, [client]);

  const show = useCallback(
    (t: StoredPresenceTableView) => {
      const form = formFromTable(t.table);
      setForm(form);
      setOpen({ name: t.name, saved: t.saved });
      setBaseline(JSON.stringify(tableFromForm(form)));
      setError(undefined);
    },
    [setForm],
  );

  const call = useCallback(
    (work: Promise<StoredPresenceTableView>, saved: boolean) => {
      setBusy(true);
      setJustSaved(undefined);
      work.then(
        (t) => {
          show(t);
          if (saved) setJustSaved(t.name);
          refreshNames();
          setBusy(false);
        },
        (e: unknown) => {
          setError(errorInfoOf(e));
          setBusy(false);
        },
      );
    },
    [show, refreshNames],
  );

  const load = useCallback((name: string) => call(client['presence.tables.get']({ name }), false), [client, call]);
  useEffect(() => {
    refreshNames();
    load('default');
  }, [refreshNames, load]);
  useEvent('data.changed', (p) => p.group === 'presenceRules' && refreshNames());

  return {
    names,
    open,
    baseline,
    error,
    busy,
    justSaved,
    load,
    save: (form, name) => open && call(client['presence.tables.save']({ name: name ?? open.name, table: tableFromForm(form) }), true),
    reset: () => open && call(client['presence.tables.reset']({ name: open.name }), false),
  };
}
