/// <reference types="vite/client" />
// The desktop build is one bundle, so the CLI's run-time backend lookup (which looks for files next to it)
// cannot find the backends there; here the bundler includes whichever backends exist at build time.
import type { ConnectorFactory } from '../core/connectors/factory.js';
import type { Connector } from '../core/connectors/connector.js';
import { CalpumpError } from '../core/errors/calpump-error.js';

type BackendModule = { createEwsConnector?: (...a: never[]) => Connector; createGraphConnector?: (...a: never[]) => Connector };
const backends = import.meta.glob<BackendModule>('../core/connectors/*/index.ts');

export const bundledCreateConnector: ConnectorFactory = async (profile, deps) => {
  const load = backends[`../core/connectors/${profile.kind}/index.ts`];
  if (!load) {
    throw new CalpumpError('input.invalid', {
      params: { field: 'kind', problem: `${profile.kind} support is not part of this build of Calpump` },
    });
  }
  const mod = await load();
  const create = (profile.kind === 'ews' ? mod.createEwsConnector : mod.createGraphConnector) as unknown as (
    p: typeof profile,
    d: typeof deps,
  ) => Connector;
  return create(profile, deps);
};
