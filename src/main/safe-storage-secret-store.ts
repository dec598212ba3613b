// SecretStore for the desktop app: each value encrypted with Electron's safeStorage (DPAPI on Windows, the
// keychain on macOS, libsecret on Linux), the ciphertext kept base64 in a 0600 JSON file. When the OS offers no
// encryption the store refuses to work rather than fall back to plaintext.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CalpumpError } from '../core/errors/calpump-error.js';
import { writeFileAtomic } from '../core/fs/atomic-write.js';
import type { SecretStore } from '../core/secrets/secret-store.js';
import type { SafeStorageLike } from './electron-api.js';

export const SAFE_SECRETS_FILE = 'secrets.safe.json';

interface SecretsDocument {
  schemaVersion: 1;
  /** key → base64 of safeStorage.encryptString(value) */
  entries: Record<string, string>;
}

export class SafeStorageSecretStore implements SecretStore {
  readonly file: string;
  private doc?: SecretsDocument;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly safeStorage: SafeStorageLike,
    dir: string,
  ) {
    this.file = join(dir, SAFE_SECRETS_FILE);
  }

  async get(key: string): Promise<string | undefined> {
    const doc = await this.load();
    const b64 = doc.entries[key];
    if (b64 === undefined) return undefined;
    this.requireEncryption();
    try {
      return this.safeStorage.decryptString(Buffer.from(b64, 'base64'));
    } catch (e) {
      throw new CalpumpError('secrets.unreadable', {
        params: { file: this.file },
        evidence: e instanceof Error ? e.message : String(e),
        cause: e,
      });
    }
  }

  set(key: string, value: string): Promise<void> {
    return this.mutate((doc) => {
      this.requireEncryption();
      doc.entries[key] = this.safeStorage.encryptString(value).toString('base64');
    });
  }

  delete(key: string): Promise<void> {
    return this.mutate((doc) => {
      delete doc.entries[key];
    });
  }

  async keys(): Promise<string[]> {
    return Object.keys((await this.load()).entries).sort();
  }

  private requireEncryption(): void {
    if (!this.safeStorage.isEncryptionAvailable()) throw new CalpumpError('secrets.encryptionUnavailable');
  }

  private mutate(change: (doc: SecretsDocument) => void): Promise<void> {
    // Writes are serialised so two quick saves cannot lose one another.
    const next = this.queue.then(async () => {
      const doc = structuredClone(await this.load());
      change(doc);
      await writeFileAtomic(this.file, JSON.stringify(doc, null, 2), 0o600);
      this.doc = doc;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<SecretsDocument> {
    if (this.doc) return this.doc;
    let text: string | undefined;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (text === undefined) return (this.doc = { schemaVersion: 1, entries: {} });
    try {
      const parsed = JSON.parse(text) as SecretsDocument;
      if (parsed.schemaVersion !== 1 || typeof parsed.entries !== 'object' || parsed.entries === null) throw new Error('unexpected shape');
      return (this.doc = parsed);
    } catch (e) {
      throw new CalpumpError('secrets.unreadable', {
        params: { file: this.file },
        evidence: e instanceof Error ? e.message : String(e),
        cause: e,
      });
    }
  }
}
