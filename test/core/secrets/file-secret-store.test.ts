import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import type { Logger } from '../../../src/core/log/logger.js';
import { FileSecretStore, KEY_FILE, SECRETS_FILE } from '../../../src/core/secrets/file-secret-store.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { readJson } from '../../support/typed-json.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

/** The parts of the encrypted secrets file these tests look at. */
interface SecretsFile {
  iv: string;
  ciphertext: string;
  kdf?: { name: string; salt: string };
}

const PASSWORD = 'Passw0rd!-unique-marker';

function recordingLogger() {
  const records: Array<{ level: string; event: string; fields: Record<string, unknown> }> = [];
  const log =
    (level: string) =>
    (event: string, fields: Record<string, unknown> = {}) =>
      void records.push({ level, event, fields });
  const logger: Logger = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    trace: log('trace'),
    child: () => logger,
  };
  return { logger, records };
}

async function tempDir() {
  return mkdtemp(join(tmpdir(), 'calpump-secrets-'));
}

const unreadable = (p: Promise<unknown>) => calpumpFailure(p, 'secrets.unreadable');

describe('FileSecretStore', () => {
  it('creates a 0600 key file on first use and never writes a secret in plaintext', async () => {
    const dir = await tempDir();
    const store = new FileSecretStore({ dir, env: {} });
    await store.set('profile:a:password', PASSWORD);
    await store.set('profile:b:password', 'other');
    expect(await store.get('profile:a:password')).toBe(PASSWORD);
    expect(await store.keys()).toEqual(['profile:a:password', 'profile:b:password']);
    expect((await stat(join(dir, KEY_FILE))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, SECRETS_FILE))).mode & 0o777).toBe(0o600);
    for (const f of await readdir(dir)) expect(await readFile(join(dir, f), 'utf8')).not.toContain(PASSWORD);
    // A second instance (another process) reads the same values with the same key file.
    expect(await new FileSecretStore({ dir, env: {} }).get('profile:a:password')).toBe(PASSWORD);
  });

  it('uses a fresh IV for every write', async () => {
    const dir = await tempDir();
    const store = new FileSecretStore({ dir, env: {} });
    await store.set('k', 'v');
    const first = await readJson<SecretsFile>(join(dir, SECRETS_FILE));
    await store.set('k', 'v');
    const second = await readJson<SecretsFile>(join(dir, SECRETS_FILE));
    expect(Buffer.from(first.iv, 'base64')).toHaveLength(12);
    expect(second.iv).not.toBe(first.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
  });

  it('accepts CALPUMP_SECRET_KEY as hex or base64 of 32 bytes (no key file then)', async () => {
    const key = randomBytes(32);
    for (const value of [key.toString('hex'), key.toString('base64')]) {
      const dir = await tempDir();
      await new FileSecretStore({ dir, env: { CALPUMP_SECRET_KEY: value } }).set('k', PASSWORD);
      expect(await readdir(dir)).not.toContain(KEY_FILE);
      // Hex and base64 of the same bytes are the same key.
      expect(await new FileSecretStore({ dir, env: { CALPUMP_SECRET_KEY: key.toString('hex') } }).get('k')).toBe(PASSWORD);
    }
  });

  it('derives the key from a passphrase with scrypt and a stored salt', async () => {
    const dir = await tempDir();
    const env = { CALPUMP_SECRET_KEY: 'correct horse battery staple' };
    await new FileSecretStore({ dir, env }).set('k', PASSWORD);
    const header = await readJson<SecretsFile>(join(dir, SECRETS_FILE));
    expect(header.kdf?.name).toBe('scrypt');
    expect(Buffer.from(header.kdf?.salt ?? '', 'base64')).toHaveLength(16);
    expect(await new FileSecretStore({ dir, env }).get('k')).toBe(PASSWORD);
    await unreadable(new FileSecretStore({ dir, env: { CALPUMP_SECRET_KEY: 'a different long passphrase' } }).get('k'));
  });

  it('rejects a short passphrase as too weak', async () => {
    const err = await new FileSecretStore({ dir: await tempDir(), env: { CALPUMP_SECRET_KEY: 'short' } }).set('k', 'v').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as CalpumpError).id).toBe('secrets.keyInvalid');
  });

  it('wrong key: secrets.unreadable, the store is kept untouched plus a backup, writes refused', async () => {
    const dir = await tempDir();
    await new FileSecretStore({ dir, env: { CALPUMP_SECRET_KEY: randomBytes(32).toString('hex') } }).set('k', PASSWORD);
    const before = await readFile(join(dir, SECRETS_FILE), 'utf8');
    const wrong = new FileSecretStore({ dir, env: { CALPUMP_SECRET_KEY: randomBytes(32).toString('hex') } });
    const err = await unreadable(wrong.get('k'));
    expect(err.params.problem).toMatchObject({ key: 'problem.secrets.wrongKey', params: { source: 'key' } });
    expect(err.render('de').message).toContain('falscher Schlüssel (CALPUMP_SECRET_KEY)');
    expect(err.evidence).toMatch(/^backup=/);
    await unreadable(wrong.set('other', 'x'));
    await unreadable(wrong.delete('k'));
    expect(await readFile(join(dir, SECRETS_FILE), 'utf8')).toBe(before);
    const backups = (await readdir(dir)).filter((f) => f.includes('.unreadable-'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(dir, backups[0]), 'utf8')).toBe(before);

    // Explicit repair: the old store moves aside, new secrets can be stored.
    const aside = await wrong.resetUnreadable();
    expect(aside && (await readFile(aside, 'utf8'))).toBe(before);
    await wrong.set('k', 'new');
    expect(await wrong.get('k')).toBe('new');
  });

  it('a tampered ciphertext or header fails authentication', async () => {
    const dir = await tempDir();
    const store = new FileSecretStore({ dir, env: {} });
    await store.set('k', PASSWORD);
    const file = await readJson<SecretsFile>(join(dir, SECRETS_FILE));
    const bytes = Buffer.from(file.ciphertext, 'base64');
    bytes[0] ^= 1;
    await writeFile(join(dir, SECRETS_FILE), JSON.stringify({ ...file, ciphertext: bytes.toString('base64') }));
    await unreadable(store.get('k'));
  });

  it('a missing key file with an existing store is an error, not a new key', async () => {
    const dir = await tempDir();
    await new FileSecretStore({ dir, env: {} }).set('k', PASSWORD);
    await writeFile(join(dir, KEY_FILE), ''); // emptied by accident
    await unreadable(new FileSecretStore({ dir, env: {} }).get('k'));
  });

  it('warns when the key file can be read by others', async () => {
    const dir = await tempDir();
    await new FileSecretStore({ dir, env: {} }).set('k', 'v');
    await chmod(join(dir, KEY_FILE), 0o644);
    const { logger, records } = recordingLogger();
    await new FileSecretStore({ dir, env: {}, logger }).get('k');
    expect(records.some((r) => r.level === 'warn' && r.event === 'secrets.keyFilePermissive')).toBe(process.platform !== 'win32');
  });

  it('deletes by prefix in one write', async () => {
    const store = new FileSecretStore({ dir: await tempDir(), env: {} });
    await store.set('profile:a:password', '1');
    await store.set('profile:a:proxyPassword', '2');
    await store.set('profile:b:password', '3');
    await store.deletePrefix('profile:a:');
    expect(await store.keys()).toEqual(['profile:b:password']);
  });
});

describe('MemorySecretStore', () => {
  it('stores, lists keys and deletes', async () => {
    const store = new MemorySecretStore({ a: '1' });
    await store.set('b', '2');
    expect(await store.keys()).toEqual(['a', 'b']);
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
  });
});
