// The HTTP client of one profile — its trust (CA file or pinned certificate), proxy, limits and kind — as every
// connector, writer, token service and sign-in command builds it. Doctor steps pass the TLS and proxy they test
// (which may differ from the saved profile's) as overrides.
import { HttpClient, type HttpClientOptions } from '../net/http-client.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { Profile } from '../../shared/profile.js';
import { DEFAULT_FETCH_TIMEOUT_MS } from './deps.js';

export interface ProfileHttpDeps {
  secrets: SecretStore;
  /** Environment for proxy resolution. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Per-request timeout when the profile's limits set none. Default: DEFAULT_FETCH_TIMEOUT_MS. */
  fetchTimeoutMs?: number;
}

export function profileHttpClient(
  profile: Pick<Profile, 'id' | 'kind' | 'tls' | 'proxy' | 'limits'>,
  deps: ProfileHttpDeps,
  overrides: Partial<Pick<HttpClientOptions, 'tls' | 'proxy' | 'maxSockets'>> = {},
): Promise<HttpClient> {
  return HttpClient.create({
    profileId: profile.id,
    tls: profile.tls,
    proxy: profile.proxy,
    secrets: deps.secrets,
    env: deps.env ?? process.env,
    timeoutMs: deps.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
    protocol: profile.kind,
    limits: profile.limits,
    ...overrides,
  });
}
