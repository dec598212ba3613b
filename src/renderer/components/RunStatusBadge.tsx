// A run's or job's status as a coloured badge in the UI language, the same on the home screen, the jobs list and
// the run history.
import { Badge } from '@fluentui/react-components';
import { useT } from '../app/i18n-context.js';

const STATUS_COLOR = {
  queued: 'informative',
  running: 'brand',
  ok: 'success',
  partial: 'warning',
  failed: 'danger',
  cancelled: 'subtle',
  interrupted: 'warning',
} as const;

export type RunStatus = keyof typeof STATUS_COLOR;

export function RunStatusBadge({ status, testId }: { status: RunStatus; testId?: string }) {
  const t = useT();
  return (
    <Badge appearance="filled" color={STATUS_COLOR[status]} data-testid={testId}>
      {t(`jobs.status.${status}`)}
    </Badge>
  );
}
