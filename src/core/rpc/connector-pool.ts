// One connector per profile, reused across calls (an EWS connector caches autodiscover and its HTTP agent);
// dropped when the profile changes.
import type { Connector } from '../connectors/connector.js';
import type { Profile } from '../../shared/profile.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { text, type EngineTextKey } from '../../shared/i18n/engine-texts.js';
import type { CoreServices } from './services.js';

export interface ConnectorPool {
  get(profileId: string): Promise<{ profile: Profile; connector: Connector }>;
  invalidate(profileId: string): Promise<void>;
  closeAll(): Promise<void>;
}

export function notAvailable(feature: EngineTextKey & `feature.${string}`): CalpumpError {
  return new CalpumpError('rpc.notAvailable', { params: { feature: text(feature) } });
}

export function createConnectorPool(services: CoreServices): ConnectorPool {
  const open = new Map<string, Promise<{ profile: Profile; connector: Connector }>>();
  async function build(profileId: string) {
    if (!services.profiles) throw notAvailable('feature.profiles');
    if (!services.connectorFor) throw notAvailable('feature.connect');
    const profile = await services.profiles.get(profileId);
    const connector = await services.connectorFor(profile, services.secrets);
    return { profile, connector };
  }
  return {
    get(profileId) {
      let entry = open.get(profileId);
      if (!entry) {
        entry = build(profileId);
        open.set(profileId, entry);
        // A failed build is not cached: the next call tries again (e.g. after the password was fixed).
        entry.catch(() => open.delete(profileId));
      }
      return entry;
    },
    async invalidate(profileId) {
      const entry = open.get(profileId);
      open.delete(profileId);
      if (entry) await entry.then((e) => e.connector.close()).catch(() => undefined);
    },
    async closeAll() {
      const all = [...open.keys()];
      await Promise.all(all.map((id) => this.invalidate(id)));
    },
  };
}
