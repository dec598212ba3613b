// Facts about a profile's token cache for `auth status`, read from MSAL's serialized JSON without ever
// returning a token: only expiry times.
import { secretKey } from '../../shared/profile.js';
import type { SecretStore } from '../secrets/secret-store.js';

export interface CacheSummary {
  stored: boolean;
  accessTokenExpiresOn?: string;
}

export async function readCacheSummary(secrets: SecretStore, profileId: string): Promise<CacheSummary> {
  const raw = await secrets.get(secretKey(profileId, 'tokenCache'));
  if (!raw) return { stored: false };
  try {
    const parsed = JSON.parse(raw) as { AccessToken?: Record<string, { expires_on?: string }> };
    const expiries = Object.values(parsed.AccessToken ?? {})
      .map((t) => Number(t.expires_on))
      .filter((n) => Number.isFinite(n) && n > 0);
    if (expiries.length === 0) return { stored: true };
    return { stored: true, accessTokenExpiresOn: new Date(Math.max(...expiries) * 1000).toISOString() };
  } catch {
    return { stored: true };
  }
}
