// Picks the connector for a profile's kind. The backends are loaded lazily: the CLI's profile and export
// commands should not pay for (or break on) a backend they do not use, and a backend that is not part of this
// build yields a clear input.invalid instead of a module error.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EwsProfile, GraphProfile, Profile } from '../../shared/profile.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { Connector } from './connector.js';
import type { ConnectorDeps } from './deps.js';

export type ConnectorFactory = (profile: Profile, deps: ConnectorDeps) => Promise<Connector>;

interface EwsModule {
  createEwsConnector(profile: EwsProfile, deps: ConnectorDeps): Connector;
}
interface GraphModule {
  createGraphConnector(profile: GraphProfile, deps: ConnectorDeps): Connector;
}

export const createConnector: ConnectorFactory = async (profile, deps) => {
  if (profile.kind === 'ews') {
    const mod = await loadBackend<EwsModule>('ews', 'EWS (Exchange on-premises)');
    return mod.createEwsConnector(profile, deps);
  }
  const mod = await loadBackend<GraphModule>('graph', 'Microsoft Graph (Microsoft 365)');
  return mod.createGraphConnector(profile, deps);
};

async function loadBackend<T>(folder: 'ews' | 'graph', label: string): Promise<T> {
  // The specifier is built at run time so the type checker does not require a backend that is not there yet.
  const specifier = `./${folder}/index.js`;
  const present = ['index.ts', 'index.js'].some((f) => existsSync(fileURLToPath(new URL(`./${folder}/${f}`, import.meta.url))));
  if (!present) {
    throw new CalpumpError('input.invalid', {
      params: { field: 'kind', problem: `${label} support is not available in this version of Calpump yet` },
    });
  }
  return (await import(/* @vite-ignore */ specifier)) as T;
}
