import type { Settings } from '../../shared/rpc.js';
import { BrowseView } from '../views/browse/BrowseView.js';
import { DoctorView } from '../views/doctor/DoctorView.js';
import { JobsView } from '../views/jobs/JobsView.js';
import { FreeBusyView } from '../views/freebusy/FreeBusyView.js';
import { ImportView } from '../views/import/ImportView.js';
import { LogsView } from '../views/logs/LogsView.js';
import { PresenceView } from '../views/presence/PresenceView.js';
import { ProfilesView } from '../views/profiles/ProfilesView.js';
import { SettingsView } from '../views/settings/SettingsView.js';
import { SetupView } from '../views/setup/SetupView.js';
import { TwoWayView } from '../views/twoway/TwoWayView.js';
import type { ViewId } from './views.js';

export interface ViewProps {
  profileId?: string;
  onProfile: (id: string | undefined) => void;
  onNavigate: (v: ViewId) => void;
}

export function ViewSwitch({ view, onSettings, ...p }: ViewProps & { view: ViewId; onSettings: (s: Settings) => void }) {
  switch (view) {
    case 'profiles':
      return <ProfilesView {...p} />;
    case 'browse':
      return <BrowseView {...p} />;
    case 'jobs':
      return <JobsView {...p} />;
    case 'import':
      return <ImportView {...p} />;
    case 'presence':
      return <PresenceView {...p} />;
    case 'freebusy':
      return <FreeBusyView {...p} />;
    case 'twoway':
      return <TwoWayView {...p} />;
    case 'logs':
      return <LogsView />;
    case 'doctor':
      return <DoctorView {...p} />;
    case 'setup':
      return <SetupView {...p} />;
    case 'settings':
      return <SettingsView onSaved={onSettings} />;
  }
}
