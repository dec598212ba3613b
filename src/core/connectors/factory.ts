// Picks the connector for a profile's kind. Each backend is loaded when a profile of its kind first needs it
// (a literal import() that bundlers and the type checker follow): a CLI command pays only for the backend it
// uses, and `calpump --help` for none (measured by bench/cli-start.ts).
import type { Profile } from '../../shared/profile.js';
import type { Connector } from './connector.js';
import type { ConnectorDeps } from './deps.js';

export type ConnectorFactory = (profile: Profile, deps: ConnectorDeps) => Promise<Connector>;

export const createConnector: ConnectorFactory = async (profile, deps) => {
  if (profile.kind === 'ews') {
    const { createEwsConnector } = await import('./ews/index.js');
    return createEwsConnector(profile, deps);
  }
  const { createGraphConnector } = await import('./graph/index.js');
  return createGraphConnector(profile, deps);
};
