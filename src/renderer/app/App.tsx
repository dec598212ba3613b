// The shell: navigation, the app state in the header (a button to the home screen, like the tray icon), one
// level-one heading and one screen at a time. The route lives in the URL hash (#/jobs/<id>) so a reload or a
// deep link lands on the same screen; leaving a screen with unsaved changes asks first.
import { Badge, Button, FluentProvider, RendererProvider, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { AppState, RpcClient, Settings } from '../../shared/rpc.js';
import { langFromLocale, type UiLang } from '../../shared/i18n/langs.js';
import { ClientProvider, useClient } from './client-context.js';
import { I18nProvider, useT } from './i18n-context.js';
import { loadedLocale, loadLocale } from './locales.js';
import { HEADER_HEIGHT, MAIN_PADDING, NAV_WIDTH } from './layout.js';
import { styleRenderer } from './style-renderer.js';
import { UnsavedGuardProvider, useUnsavedGuard } from './unsaved-guard.js';
import { useEvent } from './use-event.js';
import { hashOf, PROFILE_VIEWS, routeFromHash, type Route, type ViewId } from './views.js';
import { ViewSwitch } from './ViewSwitch.js';

const useStyles = makeStyles({
  // The page scrolls (not an inner pane), with header and navigation kept in view; screens that need a fixed
  // height (virtualised lists) size themselves from the viewport (see VIEW_HEIGHT).
  root: {
    display: 'grid',
    gridTemplateColumns: `${NAV_WIDTH} minmax(0, 1fr)`,
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
  state: { minWidth: 0, paddingInline: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  nav: {
    position: 'sticky',
    top: HEADER_HEIGHT,
    alignSelf: 'start',
    maxHeight: `calc(100vh - ${HEADER_HEIGHT})`,
    overflowY: 'auto',
    boxSizing: 'border-box',
    paddingBlock: tokens.spacingVerticalS,
  },
  main: { padding: MAIN_PADDING, paddingTop: tokens.spacingVerticalM, minWidth: 0 },
  h1: { display: 'block', margin: 0, marginBottom: tokens.spacingVerticalM },
});

/** The navigation's tabs, in their own chunk (NavTabs.tsx). */
const NavTabs = lazy(() => import('./NavTabs.js'));

const TRAY_COLOR = { idle: 'success', syncing: 'brand', error: 'danger', paused: 'warning' } as const;

export function App({
  client,
  initialLang,
  onShown,
}: {
  client: RpcClient;
  initialLang?: UiLang;
  /** Called once the first screen has been committed to the page (main.ts opens the socket then). */
  onShown?: () => void;
}) {
  // The language shown; its tables are loaded before it is (locales.ts), so a switch never shows raw keys.
  const [lang, setShown] = useState<UiLang | undefined>(() => {
    const first = initialLang ?? langFromLocale(globalThis.navigator?.language);
    return loadedLocale(first) ? first : undefined;
  });
  const wanted = useRef<UiLang>(initialLang ?? langFromLocale(globalThis.navigator?.language));
  const setLang = useCallback((next: UiLang) => {
    wanted.current = next;
    void loadLocale(next).then(
      () => {
        if (wanted.current === next) setShown(next);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    if (!lang) setLang(wanted.current);
  }, [lang, setLang]);
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
  }, [client, setLang]);
  useEffect(() => {
    if (globalThis.document && lang) document.documentElement.lang = lang;
  }, [lang]);
  // One style renderer for the page, with serve's style nonce when it has one (style-renderer.ts).
  const [renderer] = useState(() => styleRenderer(document));
  if (!lang) return null;
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <ClientProvider client={client}>
          <I18nProvider lang={lang}>
            <UnsavedGuardProvider>
              <Shell onSettings={(s) => setLang(s.language)} onShown={onShown} />
            </UnsavedGuardProvider>
          </I18nProvider>
        </ClientProvider>
      </FluentProvider>
    </RendererProvider>
  );
}

function useRoute(): [Route, (r: Route) => void] {
  const guard = useUnsavedGuard();
  const [route, setRoute] = useState<Route>(() => routeFromHash(globalThis.location?.hash));
  const current = useRef(route);
  current.current = route;
  const go = useCallback(
    (next: Route) => {
      void guard.confirmDiscard().then((ok) => {
        if (!ok) return;
        setRoute(next);
        if (globalThis.location && globalThis.location.hash !== hashOf(next)) globalThis.history?.pushState(null, '', hashOf(next));
      });
    },
    [guard],
  );
  useEffect(() => {
    // Back/forward, or a link: the same question before the screen changes.
    const onHash = () => {
      const next = routeFromHash(globalThis.location.hash);
      if (!guard.isDirty()) return setRoute(next);
      globalThis.history.replaceState(null, '', hashOf(current.current));
      go(next);
    };
    globalThis.addEventListener?.('hashchange', onHash);
    globalThis.addEventListener?.('popstate', onHash);
    return () => {
      globalThis.removeEventListener?.('hashchange', onHash);
      globalThis.removeEventListener?.('popstate', onHash);
    };
  }, [guard, go]);
  return [route, go];
}

function Shell({ onSettings, onShown }: { onSettings: (s: Settings) => void; onShown?: () => void }) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const [route, go] = useRoute();
  const [state, setState] = useState<AppState | undefined>();
  // Each screen's own profile choice: picking one on Browse never changes what Import or Two-way act on.
  const [profiles, setProfiles] = useState<Partial<Record<ViewId, string>>>({});
  const view = route.view;

  // The navigation (thirteen tabs with their keyboard handling, a third of the first render) mounts in the
  // commit after the first one: the screen's content paints first, the column itself is there from the start.
  const [navShown, setNavShown] = useState(false);
  useEffect(() => {
    setNavShown(true);
  }, []);
  // Once, for the first screen (a later onShown is ignored: main.ts's is a promise's resolve).
  const firstShown = useRef(onShown);
  useEffect(() => firstShown.current?.(), []);
  useEffect(() => {
    client['app.state']().then(setState, () => undefined);
  }, [client]);
  useEvent('app.state', setState);
  const navigate = useCallback((v: ViewId, item?: string) => go(item ? { view: v, item } : { view: v }), [go]);
  const onProfile = useCallback((id: string | undefined) => setProfiles((p) => (p[view] === id ? p : { ...p, [view]: id })), [view]);

  return (
    <div className={s.root}>
      <header className={s.header}>
        <Text weight="bold" size={500} className={s.brand}>
          {t('app.title')}
        </Text>
        {state ? (
          <Button
            appearance="transparent"
            className={s.state}
            onClick={() => navigate('home')}
            aria-label={t('app.state.open', { state: t(`app.state.${state.tray}`) })}
            data-testid="app-state-button"
          >
            <Badge appearance="tint" size="large" color={TRAY_COLOR[state.tray]} data-testid="app-state">
              {t(`app.state.${state.tray}`)}
            </Badge>
          </Button>
        ) : null}
      </header>
      <nav className={s.nav} aria-label={t('nav.label')}>
        {navShown ? (
          <Suspense fallback={null}>
            <NavTabs view={view} onSelect={(v) => navigate(v)} />
          </Suspense>
        ) : null}
      </nav>
      <main className={s.main} data-testid={`view-${view}`}>
        <Text as="h1" size={600} weight="semibold" className={s.h1} data-testid="view-title">
          {t(`nav.${view}`)}
        </Text>
        <ViewSwitch
          key={view}
          view={view}
          item={route.item}
          profileId={PROFILE_VIEWS.has(view) ? profiles[view] : undefined}
          onProfile={onProfile}
          onNavigate={navigate}
          onSettings={onSettings}
        />
      </main>
    </div>
  );
}
