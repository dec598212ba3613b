// Picks the connector for a profile's kind, loading only that backend (import() with literal paths, which the type
// checker, the bundlers and the boundary check see as they see plain imports): an on-premises profile never loads
// the Graph client, MSAL and their JWT stack. `calpump --help` loads neither: the CLI imports this module lazily
// (src/headless/cli/services.ts), the first time a command needs a connector (bench/cli-start.ts measures it).
import type { Profile } from '../../shared/profile.js';
import type { Connector } from './connector.js';
import type { ConnectorDeps } from './deps.js';

export type ConnectorFactory = (profile: Profile, deps: ConnectorDeps) => Promise<Connector>;

/** A backend that throws while it is built rejects, as callers of a factory expect. */
export const createConnector: ConnectorFactory = async (profile, deps) =>
  profile.kind === 'ews'
    ? (await import('./ews/index.js')).createEwsConnector(profile, deps)
    : (await import('./graph/index.js')).createGraphConnector(profile, deps);
