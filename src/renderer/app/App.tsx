// The shell: navigation, the app state in the header, and one view at a time. The view is kept in the URL
// hash (#/jobs) so a reload or a deep link lands on the same screen.
import { Badge, FluentProvider, Tab, TabList, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { RpcClient } from '../../shared/rpc.js';
import type { AppState } from '../../shared/rpc.js';
import type { Settings } from '../../shared/rpc.js';
import { langFromLocale, type UiLang } from '../../shared/i18n/index.js';
import { ClientProvider, useClient } from './client-context.js';
import { I18nProvider, useT } from './i18n-context.js';
import { useEvent } from './use-event.js';
import { HEADER_HEIGHT, MAIN_PADDING, NAV_WIDTH } from './layout.js';
import { VIEWS, viewFromHash, type ViewId } from './views.js';
import { ViewSwitch } from './ViewSwitch.js';

const useStyles = makeStyles({
  // The page scrolls (not an inner pane), with header and navigation kept in view; screens that need a fixed
  // height (virtualised lists) size themselves from the viewport (see VIEW_HEIGHT).
  root: {
    display: 'grid',
    gridTemplateColumns: `${NAV_WIDTH} 1fr`,
    gridTemplateRows: `${HEADER_HEIGHT} 1fr`,
    minHeight: '100vh',
    // The navigation column's colour and edge run the full height of the page, however long the screen is.
    backgroundImage: `linear-gradient(to right, ${tokens.colorNeutralBackground1} calc(${NAV_WIDTH} - 1px), ${tokens.colorNeutralStroke2} calc(${NAV_WIDTH} - 1px), ${tokens.colorNeutralStroke2} ${NAV_WIDTH}, ${tokens.colorNeutralBackground2} ${NAV_WIDTH})`,
  },
  header: {
    gridColumn: '1 / 3',
    position: 'sticky',
    top: 0,
    zIndex: 10,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { flexGrow: 1, color: tokens.colorNeutralForegroundOnBrand },
  nav: {
    position: 'sticky',
    top: HEADER_HEIGHT,
    alignSelf: 'start',
    height: `calc(100vh - ${HEADER_HEIGHT})`,
    boxSizing: 'border-box',
    paddingBlock: tokens.spacingVerticalM,
  },
  main: { padding: MAIN_PADDING, minWidth: 0 },
});

const TRAY_COLOR = { idle: 'success', syncing: 'brand', error: 'danger', paused: 'warning' } as const;

export function App({ client, initialLang }: { client: RpcClient; initialLang?: UiLang }) {
  const [lang, setLang] = useState<UiLang>(initialLang ?? langFromLocale(globalThis.navigator?.language));
  useEffect(() => {
    const load = () =>
      client['app.getSettings']().then(
        (s) => setLang(s.language),
        () => undefined,
      );
    void load();
    // Another window or the CLI changed the settings: follow its language.
    return client.on('data.changed', (c) => {
      if (c.group === 'settings') void load();
    });
  }, [client]);
  return (
    <FluentProvider theme={webLightTheme}>
      <ClientProvider client={client}>
        <I18nProvider lang={lang}>
          <Shell onSettings={(s) => setLang(s.language)} />
        </I18nProvider>
      </ClientProvider>
    </FluentProvider>
  );
}

function Shell({ onSettings }: { onSettings: (s: Settings) => void }) {
  const t = useT();
  const s = useStyles();
  const [view, setView] = useState<ViewId>(() => viewFromHash(globalThis.location?.hash));
  const [state, setState] = useState<AppState | undefined>();
  const [profileId, setProfileId] = useState<string | undefined>();

  useEffect(() => {
    const onHash = () => setView(viewFromHash(globalThis.location.hash));
    globalThis.addEventListener?.('hashchange', onHash);
    return () => globalThis.removeEventListener?.('hashchange', onHash);
  }, []);
  const client = useClient();
  useEffect(() => {
    client['app.state']().then(setState, () => undefined);
  }, [client]);
  useEvent('app.state', setState);
  const go = useCallback((v: ViewId) => {
    setView(v);
    if (globalThis.location) globalThis.location.hash = `#/${v}`;
  }, []);

  return (
    <div className={s.root}>
      <header className={s.header}>
        <Text weight="bold" size={500} className={s.brand}>
          {t('app.title')}
        </Text>
        {state ? (
          <Badge appearance="tint" size="large" color={TRAY_COLOR[state.tray]} data-testid="app-state">
            {t(`app.state.${state.tray}`)}
          </Badge>
        ) : null}
      </header>
      <nav className={s.nav} aria-label={t('nav.label')}>
        <TabList vertical selectedValue={view} onTabSelect={(_, d) => go(d.value as ViewId)}>
          {VIEWS.map((v) => (
            <Tab key={v} value={v} data-testid={`nav-${v}`}>
              {t(`nav.${v}`)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={s.main} data-testid={`view-${view}`}>
        <ViewSwitch view={view} profileId={profileId} onProfile={setProfileId} onNavigate={go} onSettings={onSettings} />
      </main>
    </div>
  );
}
