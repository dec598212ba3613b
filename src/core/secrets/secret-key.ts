// Where the headless secret store's key comes from (README.md in this folder explains it for operators):
// CALPUMP_SECRET_KEY — 64 hex digits or base64 of exactly 32 bytes is the key itself; anything else is a
// passphrase stretched with scrypt using the store's random salt — or else a key file `secret.key` (base64 of
// 32 random bytes, mode 0600) created on first use next to the store.
import { randomBytes, scrypt as scryptCb } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

export const SCRYPT_PARAMS = { N: 32768, r: 8, p: 1 } as const;
export const MIN_PASSPHRASE_LENGTH = 12;

export type KeySource = { kind: 'raw'; key: Buffer; origin: 'env' | 'keyFile' } | { kind: 'passphrase'; passphrase: string };

/** Reads CALPUMP_SECRET_KEY; undefined when unset or empty. */
export function keyFromEnv(env: NodeJS.ProcessEnv): KeySource | undefined {
  const value = env.CALPUMP_SECRET_KEY?.trim();
  if (!value) return undefined;
  if (/^[0-9a-fA-F]{64}$/.test(value)) return { kind: 'raw', key: Buffer.from(value, 'hex'), origin: 'env' };
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value)) {
    const key = Buffer.from(value, 'base64');
    if (key.length === 32) return { kind: 'raw', key, origin: 'env' };
  }
  if (value.length < MIN_PASSPHRASE_LENGTH) {
    throw new CalpumpError('secrets.keyInvalid', {
      params: { minimum: String(MIN_PASSPHRASE_LENGTH) },
      evidence: `CALPUMP_SECRET_KEY length=${value.length}`,
    });
  }
  return { kind: 'passphrase', passphrase: value };
}

export async function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return scrypt(passphrase, salt, 32, { ...SCRYPT_PARAMS, maxmem: 64 * 1024 * 1024 });
}

/** Reads the key file; undefined when it does not exist. Warns when others may read it. */
export async function readKeyFile(path: string, logger: Logger): Promise<Buffer | undefined> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CalpumpError('secrets.unreadable', {
      params: { file: path, problem: text('problem.secrets.keyFileUnreadable') },
      evidence: `code=${(e as NodeJS.ErrnoException).code}`,
      cause: e,
    });
  }
  await warnIfPermissive(path, logger);
  const key = Buffer.from(raw.trim(), 'base64');
  if (key.length !== 32) {
    throw new CalpumpError('secrets.unreadable', {
      params: { file: path, problem: text('problem.secrets.keyFileInvalid') },
      evidence: `keyBytes=${key.length}`,
    });
  }
  return key;
}

/** Creates the key file exclusively; if another process won the race, uses theirs. */
export async function createKeyFile(path: string, logger: Logger): Promise<Buffer> {
  await mkdir(dirname(path), { recursive: true });
  const key = randomBytes(32);
  try {
    const fh = await open(path, 'wx', 0o600);
    try {
      await fh.writeFile(`${key.toString('base64')}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    logger.info('secrets.keyFileCreated', { file: path });
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const existing = await readKeyFile(path, logger);
    if (!existing) throw e;
    return existing;
  }
}

async function warnIfPermissive(path: string, logger: Logger): Promise<void> {
  // Windows has ACLs, not mode bits; the profile folder under %APPDATA% is private to the user already.
  if (process.platform === 'win32') return;
  const mode = (await stat(path)).mode & 0o777;
  if (mode & 0o077) {
    logger.warn('secrets.keyFilePermissive', { file: path, mode: mode.toString(8), fix: `chmod 600 ${path}` });
  }
}
