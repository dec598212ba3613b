// An empty list says what to do next, with the button that does it.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalXL,
    border: `1px dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
  },
});

export function EmptyState({ title, hint, action, testId }: { title: string; hint: string; action?: ReactNode; testId: string }) {
  const s = useStyles();
  return (
    <div className={s.root} data-testid={testId}>
      <Text weight="semibold" size={400}>
        {title}
      </Text>
      <Text>{hint}</Text>
      {action}
    </div>
  );
}
