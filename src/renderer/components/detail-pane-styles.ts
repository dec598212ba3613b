// The pane that opens below a table for its chosen row (an event, a contact or task, a presence rule): a rule
// above it, a heading row with the pane's actions, then its facts or fields. One look for all of them.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useDetailPaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    minWidth: 0,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', margin: 0 },
});
