// Picks the CalendarWriter for a profile's kind, loading the backend only when it is used.
import type { Profile } from '../../shared/profile.js';
import type { ConnectorDeps } from './deps.js';
import type { CalendarWriter } from './writer.js';

export type WriterFactory = (profile: Profile, deps: ConnectorDeps) => Promise<CalendarWriter>;

export const createWriter: WriterFactory = async (profile, deps) => {
  if (profile.kind === 'ews') return (await import('./ews/writer/index.js')).createEwsWriter(profile, deps);
  return (await import('./graph/writer/index.js')).createGraphWriter(profile, deps);
};
