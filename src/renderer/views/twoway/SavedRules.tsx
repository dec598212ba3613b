// The saved two-way rules: pick one to edit it in the form, save the form (added, or replacing the rule with
// that id), remove the open one. The host checks the rule and answers a field-named error when it is wrong.
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors.js';
import { errorInfoOf } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useEvent } from '../../app/use-event.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' } });

export interface SavedRulesProps {
  /** The rule the form describes now, or undefined while it is incomplete. */
  current?: Record<string, unknown>;
  onOpen: (rule: Record<string, unknown> | undefined) => void;
}

export function SavedRules({ current, onOpen }: SavedRulesProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const [rules, setRules] = useState<Array<Record<string, unknown>>>([]);
  const [openId, setOpenId] = useState('');
  const [error, setError] = useState<ErrorInfo>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    client['twoway.rules.list']({}).then(
      (r) => setRules(r.rules),
      (e: unknown) => setError(errorInfoOf(e)),
    );
  }, [client]);
  useEffect(refresh, [refresh]);
  useEvent('data.changed', (p) => p.group === 'twowayRules' && refresh());

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      await work();
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const open = (id: string) => {
    setOpenId(id);
    setSaved(undefined);
    onOpen(rules.find((r) => r.id === id));
  };

  return (
    <div>
      <div className={s.row}>
        <Field label={t('twoway.savedRules')}>
          <Select value={openId} onChange={(_, d) => open(d.value)} data-testid="twoway-saved">
            <option value="">{t('twoway.newRule')}</option>
            {rules.map((r) => (
              <option key={String(r.id)} value={String(r.id)}>
                {String(r.id)}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabled={!current || busy}
          onClick={() =>
            void act(async () => {
              const r = await client['twoway.rules.save']({ rule: current });
              setOpenId(String(r.rule.id));
              setSaved(String(r.rule.id));
              onOpen(r.rule);
            })
          }
          data-testid="twoway-save"
        >
          {t('twoway.save')}
        </Button>
        <Button
          disabled={!openId || busy}
          onClick={() =>
            void act(async () => {
              await client['twoway.rules.remove']({ id: openId });
              setOpenId('');
              onOpen(undefined);
            })
          }
          data-testid="twoway-remove"
        >
          {t('twoway.remove')}
        </Button>
        {saved ? <Text data-testid="twoway-saved-state">{t('twoway.saved', { id: saved })}</Text> : null}
      </div>
      {error ? <ErrorPanel error={error} testId="twoway-save-error" /> : null}
    </div>
  );
}
