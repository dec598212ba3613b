// The desktop app's old `secrets.safe.json` moves into the one shared store at start: values only there are
// added, a value both hold differently comes from the file written last, nothing is lost, the old file is
// kept as a (still encrypted) backup; a value that does not decrypt stops the move and keeps the file.
import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretStore, DESKTOP_SECRETS_FILE } from '../../src/core/secrets/create-secret-store.js';
import { SECRETS_FILE } from '../../src/core/secrets/file-secret-store.js';
import { migrateSafeStorageSecrets } from '../../src/main/safe-storage-migration.js';
import { recordingLogger } from '../core/net/fakes.js';
import { fakeDpapi } from '../support/fake-dpapi.js';
import { fakeSafeStorage } from './fake-electron.js';

async function setUp(entries: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-safe-migrate-'));
  const safe = fakeSafeStorage();
  const store = createSecretStore({ dir, env: {}, logger: recordingLogger(), dpapi: fakeDpapi() });
  const encrypted = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, safe.encryptString(v).toString('base64')]));
  const write = () => writeFile(join(dir, DESKTOP_SECRETS_FILE), JSON.stringify({ schemaVersion: 1, entries: encrypted }));
  return { dir, safe, store, write };
}

const age = (path: string, secondsAgo: number) =>
  utimes(path, new Date(Date.now() - secondsAgo * 1000), new Date(Date.now() - secondsAgo * 1000));

describe('moving secrets.safe.json into the shared store', () => {
  it('adds what only the desktop had and lets the newer file win a conflict', async () => {
    const { dir, safe, store, write } = await setUp({
      'profile:d:password': 'desktop-only',
      'profile:both:password': 'desktop-value',
      'profile:same:password': 'same',
    });
    await store.set('profile:cli:password', 'cli-only');
    await store.set('profile:both:password', 'cli-value');
    await store.set('profile:same:password', 'same');
    await write();
    await age(join(dir, SECRETS_FILE), 60); // the desktop file is the newer one
    const log = recordingLogger();
    const r = await migrateSafeStorageSecrets(safe, dir, store, log);
    expect(r).toMatchObject({ added: ['profile:d:password'], replaced: ['profile:both:password'], kept: [] });
    expect(await store.get('profile:d:password')).toBe('desktop-only');
    expect(await store.get('profile:both:password')).toBe('desktop-value');
    expect(await store.get('profile:cli:password')).toBe('cli-only');
    const files = await readdir(dir);
    expect(files).not.toContain(DESKTOP_SECRETS_FILE);
    const backup = files.find((f) => f.startsWith(`${DESKTOP_SECRETS_FILE}.migrated-`))!;
    expect(await readFile(join(dir, backup), 'utf8')).not.toContain('desktop-value');
    expect(log.text()).not.toContain('desktop-value');
    expect(await migrateSafeStorageSecrets(safe, dir, store, log)).toBeUndefined();
  });

  it('keeps the shared value when the shared store was written last', async () => {
    const { dir, safe, store, write } = await setUp({ 'profile:both:password': 'old-desktop-value' });
    await write();
    await age(join(dir, DESKTOP_SECRETS_FILE), 60);
    await store.set('profile:both:password', 'new-cli-value');
    const r = await migrateSafeStorageSecrets(safe, dir, store, recordingLogger());
    expect(r).toMatchObject({ added: [], replaced: [], kept: ['profile:both:password'] });
    expect(await store.get('profile:both:password')).toBe('new-cli-value');
  });

  it('moves nothing and keeps the file when a value does not decrypt', async () => {
    const { dir, safe, store } = await setUp({});
    await writeFile(
      join(dir, DESKTOP_SECRETS_FILE),
      JSON.stringify({ schemaVersion: 1, entries: { a: safe.encryptString('fine').toString('base64'), b: 'bm90LWVuY3J5cHRlZA==' } }),
    );
    safe.decryptString = (b: Buffer) => {
      if (!b.toString().startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return 'fine';
    };
    await expect(migrateSafeStorageSecrets(safe, dir, store, recordingLogger())).rejects.toMatchObject({ id: 'secrets.unreadable' });
    expect(await readdir(dir)).toContain(DESKTOP_SECRETS_FILE);
    expect(await store.keys()).toEqual([]);
  });
});
