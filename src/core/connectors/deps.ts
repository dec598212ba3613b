// What every connector gets from its host (CLI, Electron, scheduler, tests). Dependencies enter here so tests
// pass fakes and nothing needs module mocking (CONVENTIONS.md #7).
import type { SecretStore } from '../secrets/secret-store.js';
import type { Logger } from '../log/logger.js';

export interface ConnectorDeps {
  secrets: SecretStore;
  logger: Logger;
  /** Environment used for proxy resolution (HTTPS_PROXY, HTTP_PROXY, NO_PROXY). Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Per-request timeout in milliseconds. Default: 100 000 (what Exchange's own clients use). */
  fetchTimeoutMs?: number;
  /** Folder for caches that outlive a run (EWS organizer addresses). Absent: kept in memory only. */
  cacheDir?: string;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 100_000;
