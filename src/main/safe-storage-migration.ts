// The desktop app once kept its secrets in `secrets.safe.json` (each value encrypted with Electron safeStorage)
// while the CLI used `secrets.enc.json`, so a password typed in one was missing in the other. Now every host
// uses the one store (core/secrets/create-secret-store.ts); at start the desktop app moves what the old file
// holds into it. Nothing is lost: a value only in the old file is added; where both hold a different value, the
// file written last wins (logged, key names only); the old file is kept as `secrets.safe.json.migrated-<time>.bak`
// (still safeStorage ciphertext). If any value cannot be decrypted, nothing is moved and the file stays.
import { readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CalpumpError } from '../core/errors/calpump-error.js';
import { text } from '../shared/i18n/engine-texts.js';
import type { Logger } from '../core/log/logger.js';
import { DESKTOP_SECRETS_FILE } from '../core/secrets/create-secret-store.js';
import { SECRETS_FILE, type FileSecretStore } from '../core/secrets/file-secret-store.js';
import type { SafeStorageLike } from './electron-api.js';

export interface SafeStorageMigration {
  added: string[];
  replaced: string[];
  kept: string[];
  backup?: string;
}

async function mtimeMs(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

function unreadable(file: string, e: unknown): CalpumpError {
  return new CalpumpError('secrets.unreadable', {
    params: { file, problem: text('problem.secrets.safeStorageUnreadable') },
    evidence: e instanceof Error ? e.message : String(e),
    cause: e,
  });
}

/** Reads and decrypts the old desktop file; undefined when there is none. */
async function readDesktopSecrets(safeStorage: SafeStorageLike, file: string): Promise<Record<string, string> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(file, e);
  }
  let entries: Record<string, string>;
  try {
    const doc = JSON.parse(text) as { schemaVersion?: number; entries?: Record<string, string> };
    if (doc.schemaVersion !== 1 || typeof doc.entries !== 'object' || doc.entries === null) throw new Error('unexpected shape');
    entries = doc.entries;
  } catch (e) {
    throw unreadable(file, e);
  }
  if (Object.keys(entries).length && !safeStorage.isEncryptionAvailable()) throw new CalpumpError('secrets.encryptionUnavailable');
  const out: Record<string, string> = {};
  for (const [key, b64] of Object.entries(entries)) {
    try {
      out[key] = safeStorage.decryptString(Buffer.from(b64, 'base64'));
    } catch (e) {
      throw unreadable(file, e);
    }
  }
  return out;
}

export async function migrateSafeStorageSecrets(
  safeStorage: SafeStorageLike,
  dir: string,
  store: FileSecretStore,
  logger: Logger,
): Promise<SafeStorageMigration | undefined> {
  const file = join(dir, DESKTOP_SECRETS_FILE);
  const old = await readDesktopSecrets(safeStorage, file);
  if (!old) return undefined;
  const desktopNewer = (await mtimeMs(file)) > (await mtimeMs(join(dir, SECRETS_FILE)));
  const result: SafeStorageMigration = { added: [], replaced: [], kept: [] };
  const changes: Record<string, string> = {};
  for (const [key, value] of Object.entries(old)) {
    const current = await store.get(key);
    if (current === undefined) {
      changes[key] = value;
      result.added.push(key);
    } else if (current !== value) {
      if (desktopNewer) {
        changes[key] = value;
        result.replaced.push(key);
      } else result.kept.push(key);
    }
  }
  if (Object.keys(changes).length) await store.setMany(changes);
  result.backup = `${file}.migrated-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
  await rename(file, result.backup);
  logger.info('secrets.desktopMigrated', {
    added: result.added,
    replaced: result.replaced,
    keptShared: result.kept,
    backup: result.backup,
  });
  return result;
}
