// Removing a profile asks first, and never orphans a job: when jobs use the profile they are listed, and the
// profile goes only after they moved to another profile the user picked (or not at all).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ProfileView } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';

export function RemoveProfileDialog({
  profile,
  others,
  open,
  onClose,
  onRemoved,
}: {
  profile: { id: string; name: string };
  others: ProfileView[];
  open: boolean;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const t = useT();
  const client = useClient();
  const usage = useOperation(() => client['profiles.usage']({ id: profile.id }));
  const [target, setTarget] = useState(others[0]?.profile.id ?? '');
  const remove = useOperation(async (_signal, reassignTo?: string) => {
    const r = await client['profiles.remove']({ id: profile.id, ...(reassignTo ? { reassignTo } : {}) });
    onRemoved();
    return r;
  });
  const { run: loadUsage } = usage;
  useEffect(() => {
    if (open) void loadUsage();
  }, [open, loadUsage]);
  const jobs = usage.result?.jobs ?? [];
  const rules = usage.result?.twowayRules ?? [];
  const used = jobs.length > 0;
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface data-testid="profile-remove-dialog">
        <DialogBody>
          <DialogTitle>{t('profile.remove.title', { name: profile.name })}</DialogTitle>
          <DialogContent>
            {usage.running ? <Spinner size="small" label={t('common.loading')} /> : null}
            {usage.error ? <ErrorPanel error={usage.error} testId="profile-usage-error" /> : null}
            {usage.result && !used ? <Text block>{t('profile.remove.unused')}</Text> : null}
            {used ? (
              <>
                <Text block>{t('profile.remove.used', { count: jobs.length })}</Text>
                <ul data-testid="profile-remove-jobs">
                  {jobs.map((j) => (
                    <li key={j.id}>{j.name}</li>
                  ))}
                </ul>
                {others.length ? (
                  <Field label={t('profile.remove.moveTo')}>
                    <Select value={target} onChange={(_, d) => setTarget(d.value)} data-testid="profile-remove-target">
                      {others.map(({ profile: p }) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ) : (
                  <Text block data-testid="profile-remove-refused">
                    {t('profile.remove.noOther')}
                  </Text>
                )}
              </>
            ) : null}
            {rules.length ? <Text block>{t('profile.remove.rules', { rules: rules.join(', ') })}</Text> : null}
            {remove.error ? <ErrorPanel error={remove.error} testId="profile-remove-error" /> : null}
          </DialogContent>
          <DialogActions>
            {usage.result && !used ? (
              <Button appearance="primary" disabled={remove.running} onClick={() => void remove.run()} data-testid="profile-remove-confirm">
                {t('profile.remove.confirm')}
              </Button>
            ) : null}
            {used && others.length ? (
              <Button
                appearance="primary"
                disabled={remove.running || !target}
                onClick={() => void remove.run(target)}
                data-testid="profile-remove-reassign"
              >
                {t('profile.remove.reassign', { count: jobs.length })}
              </Button>
            ) : null}
            <Button onClick={onClose} data-testid="profile-remove-cancel">
              {t('common.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
