// The one secret store of a machine and user, whichever host opens it (CLI, serve, the desktop app, the Windows
// service): `secrets.enc.json` in the config folder. On Windows its key is protected by DPAPI (currentUser, or
// localMachine with CALPUMP_SECRET_SCOPE=machine for a service), so the CLI and the desktop app of one Windows
// account read the same secrets and no key file lies beside them; elsewhere the key file as before.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log/logger.js';
import { windowsDpapi, type Dpapi, type DpapiScope } from '../platform/dpapi.js';
import { FileSecretStore } from './file-secret-store.js';

/** The desktop app's store before there was one store; the desktop app moves it into secrets.enc.json. */
export const DESKTOP_SECRETS_FILE = 'secrets.safe.json';

export interface SecretStoreHost {
  dir: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** The platform's DPAPI; undefined = this machine's (Windows only), null = none (tests of the key-file path). */
  dpapi?: Dpapi | null;
}

export function dpapiScopeFromEnv(env: NodeJS.ProcessEnv): DpapiScope {
  return env.CALPUMP_SECRET_SCOPE?.trim().toLowerCase() === 'machine' ? 'localMachine' : 'currentUser';
}

export function createSecretStore(host: SecretStoreHost): FileSecretStore {
  const dpapi = host.dpapi === null ? undefined : (host.dpapi ?? windowsDpapi());
  if (existsSync(join(host.dir, DESKTOP_SECRETS_FILE))) {
    host.logger.warn('secrets.desktopPending', {
      file: join(host.dir, DESKTOP_SECRETS_FILE),
      movesOn: 'desktop-app-start',
    });
  }
  return new FileSecretStore({ dir: host.dir, env: host.env, logger: host.logger, dpapi, dpapiScope: dpapiScopeFromEnv(host.env) });
}
