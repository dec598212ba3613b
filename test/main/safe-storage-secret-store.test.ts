import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SafeStorageSecretStore } from '../../src/main/safe-storage-secret-store.js';
import { fakeSafeStorage } from './fake-electron.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-safe-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('SafeStorageSecretStore', () => {
  it('keeps only ciphertext on disk and reads the value back', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), dir);
    await store.set('profile:p1:password', 'Passw0rd!');
    await store.set('profile:p1:clientSecret', 's3cr3t-value');
    const onDisk = await readFile(store.file, 'utf8');
    expect(onDisk).not.toContain('Passw0rd!');
    expect(onDisk).not.toContain('s3cr3t-value');
    expect(onDisk).not.toContain(Buffer.from('Passw0rd!').toString('base64'));
    expect(JSON.parse(onDisk).entries['profile:p1:password']).toMatch(/^[A-Za-z0-9+/]+=*$/);
    if (process.platform !== 'win32') expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    const again = new SafeStorageSecretStore(fakeSafeStorage(), dir);
    expect(await again.get('profile:p1:password')).toBe('Passw0rd!');
    expect(await again.keys()).toEqual(['profile:p1:clientSecret', 'profile:p1:password']);
    await again.delete('profile:p1:password');
    expect(await new SafeStorageSecretStore(fakeSafeStorage(), dir).get('profile:p1:password')).toBeUndefined();
  });

  it('refuses to store or read when the OS offers no encryption, never falling back to plaintext', async () => {
    const safe = fakeSafeStorage(false);
    const store = new SafeStorageSecretStore(safe, dir);
    await expect(store.set('k', 'Passw0rd!')).rejects.toMatchObject({ id: 'secrets.encryptionUnavailable' });
    await expect(readFile(store.file, 'utf8')).rejects.toThrow();
    safe.available = true;
    await store.set('k', 'v');
    safe.available = false;
    await expect(store.get('k')).rejects.toMatchObject({ id: 'secrets.encryptionUnavailable' });
  });

  it('keeps concurrent writes', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), dir);
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    expect(await new SafeStorageSecretStore(fakeSafeStorage(), dir).keys()).toHaveLength(10);
  });

  it('reports a damaged file as secrets.unreadable naming it', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), dir);
    await store.set('k', 'v');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(store.file, '{nope');
    await expect(new SafeStorageSecretStore(fakeSafeStorage(), dir).get('k')).rejects.toMatchObject({ id: 'secrets.unreadable' });
  });
});
