// MSAL token cache persisted through the SecretStore (encrypted: DPAPI/safeStorage or AES-256-GCM), never as a
// plaintext file. One cache per profile under secretKey(profileId, 'tokenCache').
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { secretKey } from '../../shared/profile.js';
import type { SecretStore } from '../secrets/secret-store.js';

export function createSecretStoreCachePlugin(secrets: SecretStore, profileId: string): ICachePlugin {
  const key = secretKey(profileId, 'tokenCache');
  return {
    async beforeCacheAccess(ctx: TokenCacheContext): Promise<void> {
      const stored = await secrets.get(key);
      if (stored) ctx.tokenCache.deserialize(stored);
    },
    async afterCacheAccess(ctx: TokenCacheContext): Promise<void> {
      if (ctx.cacheHasChanged) await secrets.set(key, ctx.tokenCache.serialize());
    },
  };
}
