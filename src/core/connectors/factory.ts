// Picks the connector for a profile's kind. Both backends are plain imports, so the type checker, the bundlers
// and the boundary check see them. `calpump --help` still loads neither: the CLI imports this module lazily
// (src/headless/cli/services.ts), the first time a command needs a connector (bench/cli-start.ts measures it).
import type { Profile } from '../../shared/profile.js';
import type { Connector } from './connector.js';
import type { ConnectorDeps } from './deps.js';
import { createEwsConnector } from './ews/index.js';
import { createGraphConnector } from './graph/index.js';

export type ConnectorFactory = (profile: Profile, deps: ConnectorDeps) => Promise<Connector>;

/** A backend that throws while it is built rejects, as callers of a factory expect. */
export const createConnector: ConnectorFactory = (profile, deps) =>
  new Promise((resolve) => resolve(profile.kind === 'ews' ? createEwsConnector(profile, deps) : createGraphConnector(profile, deps)));
