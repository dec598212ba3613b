// One screen at a time, each loaded on first use: the first paint needs only the shell and the home screen.
import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, type ComponentType } from 'react';
import type { Settings } from '../../shared/rpc.js';
import { HomeView } from '../views/home/HomeView.js';
import { useT } from './i18n-context.js';
import type { ViewProps } from './view-props.js';
import type { ViewId } from './views.js';

type Screen = ComponentType<ViewProps & { onSettings: (s: Settings) => void }>;

/** Wraps a module's named export as a lazy screen. */
function screen<M>(load: () => Promise<M>, pick: (m: M) => ComponentType<never>): Screen {
  return lazy(async () => ({ default: pick(await load()) as unknown as Screen }));
}

const SCREENS: Record<Exclude<ViewId, 'home'>, Screen> = {
  assistant: screen(
    () => import('../views/assistant/AssistantView.js'),
    (m) => m.AssistantView,
  ),
  profiles: screen(
    () => import('../views/profiles/ProfilesView.js'),
    (m) => m.ProfilesView,
  ),
  browse: screen(
    () => import('../views/browse/BrowseView.js'),
    (m) => m.BrowseView,
  ),
  jobs: screen(
    () => import('../views/jobs/JobsView.js'),
    (m) => m.JobsView,
  ),
  import: screen(
    () => import('../views/import/ImportView.js'),
    (m) => m.ImportView,
  ),
  presence: screen(
    () => import('../views/presence/PresenceView.js'),
    (m) => m.PresenceView,
  ),
  freebusy: screen(
    () => import('../views/freebusy/FreeBusyView.js'),
    (m) => m.FreeBusyView,
  ),
  twoway: screen(
    () => import('../views/twoway/TwoWayView.js'),
    (m) => m.TwoWayView,
  ),
  logs: screen(
    () => import('../views/logs/LogsView.js'),
    (m) => m.LogsView,
  ),
  doctor: screen(
    () => import('../views/doctor/DoctorView.js'),
    (m) => m.DoctorView,
  ),
  setup: screen(
    () => import('../views/setup/SetupView.js'),
    (m) => m.SetupView,
  ),
  settings: screen(
    () => import('../views/settings/SettingsView.js'),
    (m) => m.SettingsView,
  ),
};

export function ViewSwitch({ view, ...p }: ViewProps & { view: ViewId; onSettings: (s: Settings) => void }) {
  const t = useT();
  if (view === 'home') return <HomeView {...p} />;
  const Screen = SCREENS[view];
  return (
    <Suspense fallback={<Spinner size="small" label={t('common.loading')} data-testid="view-loading" />}>
      <Screen {...p} />
    </Suspense>
  );
}
