// The navigation's tabs: one per screen, arrow keys between them (Fluent's TabList). Its own chunk, loaded in the
// commit after the first screen's (App.tsx): the tab list and Tabster, its keyboard handling, are about a third of
// the app's first script, and the first screen does not need them to show its content.
import { Tab, TabList, makeStyles } from '@fluentui/react-components';
import { useT } from './i18n-context.js';
import { VIEWS, type ViewId } from './views.js';

const useStyles = makeStyles({
  // Fluent centres a tab's label inside the width its bold (selected) form reserves: in a vertical list that left
  // every label a few pixels off the others.
  tab: { minHeight: '34px', textAlign: 'start' },
});

export default function NavTabs({ view, onSelect }: { view: ViewId; onSelect: (view: ViewId) => void }) {
  const t = useT();
  const s = useStyles();
  return (
    <TabList vertical size="small" selectedValue={view} onTabSelect={(_, d) => onSelect(d.value as ViewId)}>
      {VIEWS.map((v) => (
        <Tab key={v} value={v} className={s.tab} data-testid={`nav-${v}`}>
          {t(`nav.${v}`)}
        </Tab>
      ))}
    </TabList>
  );
}
