// The SecretStore of every host (CLI, serve, the desktop app, the Windows service): one AES-256-GCM encrypted
// file (format documented in README.md next to this file). Its key comes from CALPUMP_SECRET_KEY, else Windows
// DPAPI (the key, wrapped, in the file's header: no key file), else a key file beside the store.
// Every write re-encrypts the whole map with a fresh random 12-byte IV; the header is bound to the ciphertext
// as additional authenticated data, so neither can be swapped. A store that does not decrypt with the current
// key is never overwritten: it is backed up and every call fails with secrets.unreadable until the right key
// is supplied or the store is explicitly reset (resetUnreadable).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmod, copyFile, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { nullLogger, type Logger } from '../log/logger.js';
import { withFileLock } from '../store/file-lock.js';
import type { Dpapi, DpapiScope } from '../platform/dpapi.js';
import { createKeyFile, deriveKey, keyFromEnv, readKeyFile, SCRYPT_PARAMS, type KeySource } from './secret-key.js';
import type { SecretStore } from './secret-store.js';

export const SECRETS_FILE = 'secrets.enc.json';
export const KEY_FILE = 'secret.key';

const kdfSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('raw') }),
  z.object({ name: z.literal('scrypt'), salt: z.string(), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
  /** The AES key itself, protected by Windows DPAPI (base64 of the DPAPI blob). */
  z.object({ name: z.literal('dpapi'), scope: z.enum(['currentUser', 'localMachine']), key: z.string() }),
]);

/** DPAPI optional entropy: a blob made for the store opens only when asked for with this. */
const DPAPI_ENTROPY = Buffer.from('calpump-secrets-v1', 'utf8');
const fileSchema = z.object({
  format: z.literal('calpump-secrets'),
  version: z.literal(1),
  kdf: kdfSchema,
  iv: z.string(),
  tag: z.string(),
  ciphertext: z.string(),
});
type Kdf = z.infer<typeof kdfSchema>;
type StoreFile = z.infer<typeof fileSchema>;

export interface FileSecretStoreOptions {
  /** The config directory; the store is `<dir>/secrets.enc.json`, the key file `<dir>/secret.key`. */
  dir: string;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Windows: protect the store's key with DPAPI instead of a key file (the host passes the platform's DPAPI). */
  dpapi?: Dpapi;
  /** DPAPI scope for a new key (default currentUser; the Windows service may use localMachine). */
  dpapiScope?: DpapiScope;
}

export class FileSecretStore implements SecretStore {
  readonly file: string;
  readonly keyFile: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly logger: Logger;
  private readonly derived = new Map<string, Buffer>();
  private readonly dpapi?: Dpapi;
  private readonly dpapiScope: DpapiScope;
  private migrated = false;

  constructor(opts: FileSecretStoreOptions) {
    this.file = join(opts.dir, SECRETS_FILE);
    this.keyFile = join(opts.dir, KEY_FILE);
    this.env = opts.env ?? process.env;
    this.logger = opts.logger ?? nullLogger;
    this.dpapi = opts.dpapi;
    this.dpapiScope = opts.dpapiScope ?? 'currentUser';
  }

  /** How the key is protected for new writes: 'CALPUMP_SECRET_KEY', 'Windows DPAPI (currentUser)' or 'key file'. */
  describeProtection(): string {
    if (keyFromEnv(this.env)) return 'CALPUMP_SECRET_KEY';
    return this.dpapi ? `Windows DPAPI (${this.dpapiScope})` : `key file ${this.keyFile}`;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.load())[key];
  }

  async keys(): Promise<string[]> {
    return Object.keys(await this.load()).sort();
  }

  async set(key: string, value: string): Promise<void> {
    await this.mutate((m) => {
      m[key] = value;
    });
  }

  async delete(key: string): Promise<void> {
    await this.mutate((m) => {
      delete m[key];
    });
  }

  /** Several values in one write (migrating another store). */
  async setMany(entries: Record<string, string>): Promise<void> {
    await this.mutate((m) => Object.assign(m, entries));
  }

  /** Deletes every key that starts with `prefix` in one write (removing a profile). */
  async deletePrefix(prefix: string): Promise<void> {
    await this.mutate((m) => {
      for (const k of Object.keys(m)) if (k.startsWith(prefix)) delete m[k];
    });
  }

  /**
   * Explicit repair when the old key is lost: moves the unreadable store aside (it stays as a backup) so new
   * secrets can be stored. Returns the backup path, or undefined when the store was readable (nothing done).
   */
  async resetUnreadable(): Promise<string | undefined> {
    return withFileLock(this.file, async () => {
      try {
        await this.load();
        return undefined;
      } catch (e) {
        if (!(e instanceof CalpumpError) || e.id !== 'secrets.unreadable') throw e;
        const aside = join(dirname(this.file), `${SECRETS_FILE}.reset-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`);
        await rename(this.file, aside);
        this.logger.warn('secrets.storeReset', { file: this.file, backup: aside });
        return aside;
      }
    });
  }

  private async mutate(fn: (m: Record<string, string>) => void): Promise<void> {
    await withFileLock(this.file, async () => {
      const existing = await this.readStoreFile();
      const map = existing ? await this.decrypt(existing) : {};
      fn(map);
      await this.write(map, existing?.kdf);
    });
  }

  private async load(): Promise<Record<string, string>> {
    const existing = await this.readStoreFile();
    if (existing && this.needsDpapiMigration(existing.kdf)) return this.migrateToDpapi();
    return existing ? this.decrypt(existing) : {};
  }

  /** A store still keyed by the key file, on a host that has DPAPI and no CALPUMP_SECRET_KEY. */
  private needsDpapiMigration(kdf: Kdf): boolean {
    return !this.migrated && kdf.name === 'raw' && !!this.dpapi && !keyFromEnv(this.env);
  }

  /**
   * Re-encrypts a key-file store under a new DPAPI-protected key, then removes the key file: from then on no
   * key lies beside the store. Runs once per process under the store's lock; a failure changes nothing.
   */
  private async migrateToDpapi(): Promise<Record<string, string>> {
    return withFileLock(this.file, async () => {
      const existing = await this.readStoreFile();
      if (!existing) return {};
      const map = await this.decrypt(existing);
      if (existing.kdf.name === 'raw') {
        await this.write(map, undefined);
        const check = await this.readStoreFile();
        if (!check || check.kdf.name !== 'dpapi') throw await this.unreadable(text('problem.secrets.dpapiMigrationFailed'));
        await this.decrypt(check);
        await rm(this.keyFile, { force: true });
        this.logger.info('secrets.migratedToDpapi', { file: this.file, scope: this.dpapiScope, removed: this.keyFile });
      }
      this.migrated = true;
      return map;
    });
  }

  private async readStoreFile(): Promise<StoreFile | undefined> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new CalpumpError('secrets.unreadable', {
        params: { file: this.file, problem: text('problem.file.cannotRead') },
        evidence: `code=${(e as NodeJS.ErrnoException).code}`,
        cause: e,
      });
    }
    let parsed: StoreFile;
    try {
      parsed = fileSchema.parse(JSON.parse(raw));
    } catch {
      throw await this.unreadable(text('problem.secrets.notAStore'));
    }
    return parsed;
  }

  private async decrypt(store: StoreFile): Promise<Record<string, string>> {
    const key = await this.keyFor(store.kdf, true);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(store.iv, 'base64'));
      decipher.setAAD(aad(store.kdf));
      decipher.setAuthTag(Buffer.from(store.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(store.ciphertext, 'base64')), decipher.final()]);
      return z.record(z.string(), z.string()).parse(JSON.parse(plain.toString('utf8')));
    } catch {
      throw await this.unreadable(text('problem.secrets.wrongKey', this.describeKeySource()));
    }
  }

  private async write(map: Record<string, string>, previous: Kdf | undefined): Promise<void> {
    const kdf = await this.kdfForWrite(previous);
    const key = await this.keyFor(kdf, false);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(kdf));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(map), 'utf8'), cipher.final()]);
    const out: StoreFile = {
      format: 'calpump-secrets',
      version: 1,
      kdf,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
    await writeFileAtomic(this.file, `${JSON.stringify(out, null, 2)}\n`, 0o600);
  }

  private async kdfForWrite(previous: Kdf | undefined): Promise<Kdf> {
    const source = keyFromEnv(this.env);
    // Keep the salt of a passphrase store so the derived key stays cached; a new store gets a fresh salt.
    if (source?.kind === 'passphrase')
      return previous?.name === 'scrypt' ? previous : { name: 'scrypt', salt: randomBytes(16).toString('base64'), ...SCRYPT_PARAMS };
    if (source?.kind === 'raw') return { name: 'raw' };
    if (!this.dpapi) return { name: 'raw' };
    // Keep a DPAPI-wrapped key as it is (same scope): every write stays readable by the other hosts.
    if (previous?.name === 'dpapi' && previous.scope === this.dpapiScope) return previous;
    const key = randomBytes(32);
    const wrapped = (await this.dpapi.protect(key, this.dpapiScope, DPAPI_ENTROPY)).toString('base64');
    this.derived.set(`dpapi:${wrapped}`, key);
    return { name: 'dpapi', scope: this.dpapiScope, key: wrapped };
  }

  /** The AES key for a store header; `existing` = the store already holds data (never invent a key then). */
  private async keyFor(kdf: Kdf, existing: boolean): Promise<Buffer> {
    if (kdf.name === 'dpapi') return this.dpapiKey(kdf);
    const source: KeySource | undefined = keyFromEnv(this.env);
    if (kdf.name === 'scrypt') {
      if (source?.kind !== 'passphrase') {
        throw await this.unreadable(text('problem.secrets.needsPassphrase'));
      }
      const cacheKey = `${kdf.salt}`;
      let key = this.derived.get(cacheKey);
      if (!key) {
        key = await deriveKey(source.passphrase, Buffer.from(kdf.salt, 'base64'));
        this.derived.set(cacheKey, key);
      }
      return key;
    }
    if (source?.kind === 'passphrase') throw await this.unreadable(text('problem.secrets.needsKeyNotPassphrase'));
    if (source?.kind === 'raw') return source.key;
    const fromFile = await readKeyFile(this.keyFile, this.logger);
    if (fromFile) return fromFile;
    if (existing) throw await this.unreadable(text('problem.secrets.keyFileMissing', { keyFile: this.keyFile }));
    return createKeyFile(this.keyFile, this.logger);
  }

  private async dpapiKey(kdf: Extract<Kdf, { name: 'dpapi' }>): Promise<Buffer> {
    const cached = this.derived.get(`dpapi:${kdf.key}`);
    if (cached) return cached;
    if (!this.dpapi) throw await this.unreadable(text('problem.secrets.dpapiUnavailable'));
    let key: Buffer;
    try {
      key = await this.dpapi.unprotect(Buffer.from(kdf.key, 'base64'), kdf.scope, DPAPI_ENTROPY);
    } catch (e) {
      throw await this.unreadable(text('problem.secrets.dpapiRefused', { scope: kdf.scope }), `dpapi=${(e as Error).message}`);
    }
    this.derived.set(`dpapi:${kdf.key}`, key);
    return key;
  }

  /** Which key was tried, as parameters of problem.secrets.wrongKey. */
  private describeKeySource(): Record<string, string> {
    const source = keyFromEnv(this.env);
    if (!source) return { source: 'keyFile', keyFile: this.keyFile };
    return { source: source.kind === 'passphrase' ? 'passphrase' : 'key', keyFile: '' };
  }

  /** secrets.unreadable for this store after keeping a backup; evidence holds facts only (the backup, an OS answer). */
  private async unreadable(problem: TextRef, fact?: string): Promise<CalpumpError> {
    const backup = await this.backup();
    const evidence = [fact, `backup=${backup}`].filter(Boolean).join('; ');
    return new CalpumpError('secrets.unreadable', { params: { file: this.file, problem }, evidence });
  }

  /** One backup per distinct content of the store, next to it. */
  private async backup(): Promise<string> {
    const dir = dirname(this.file);
    const raw = await readFile(this.file);
    const digest = createHash('sha256').update(raw).digest('hex').slice(0, 12);
    const prefix = `${basename(this.file)}.unreadable-`;
    const existing = (await readdir(dir)).find((f) => f.startsWith(prefix) && f.endsWith(`-${digest}.bak`));
    if (existing) return join(dir, existing);
    const target = join(dir, `${prefix}${new Date().toISOString().replace(/[:.]/g, '-')}-${digest}.bak`);
    await copyFile(this.file, target);
    await chmod(target, 0o600);
    return target;
  }
}

function aad(kdf: Kdf): Buffer {
  return Buffer.from(JSON.stringify({ format: 'calpump-secrets', version: 1, kdf }), 'utf8');
}
