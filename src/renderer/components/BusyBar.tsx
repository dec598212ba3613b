// Shown while a long call runs: an indeterminate bar (or a determinate one when the percentage is known),
// what is happening, and Cancel.
import { Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../app/i18n-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, paddingBlock: tokens.spacingVerticalS },
  bar: { flexGrow: 1, minWidth: '120px' },
});

export function BusyBar({
  label,
  onCancel,
  percent,
  testId = 'busy',
}: {
  label: string;
  onCancel?: () => void;
  percent?: number;
  testId?: string;
}) {
  const t = useT();
  const s = useStyles();
  return (
    <div className={s.root} data-testid={testId} role="status">
      <Text>{label}</Text>
      <ProgressBar className={s.bar} value={percent === undefined ? undefined : percent / 100} thickness="large" aria-label={label} />
      {onCancel ? (
        <Button size="small" onClick={onCancel} data-testid={`${testId}-cancel`}>
          {t('common.cancel')}
        </Button>
      ) : null}
    </div>
  );
}
