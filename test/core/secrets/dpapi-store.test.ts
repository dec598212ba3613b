// One secret store per Windows account: the store's key wrapped by DPAPI in its header (no key file), readable
// by every host of that account, not by another account; a key-file store moves to DPAPI with nothing lost.
import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretStore, DESKTOP_SECRETS_FILE } from '../../../src/core/secrets/create-secret-store.js';
import { FileSecretStore, KEY_FILE, SECRETS_FILE } from '../../../src/core/secrets/file-secret-store.js';
import { fakeDpapi } from '../../support/fake-dpapi.js';
import { recordingLogger } from '../net/fakes.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

const PASSWORD = 'Passw0rd!-dpapi-marker';
const tempDir = () => mkdtemp(join(tmpdir(), 'calpump-dpapi-'));
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );
const header = async (dir: string) => JSON.parse(await readFile(join(dir, SECRETS_FILE), 'utf8')) as { kdf: Record<string, string> };

describe('secret store with DPAPI (Windows)', () => {
  it('wraps the key with DPAPI in the header: no key file, readable by another host of the same account', async () => {
    const dir = await tempDir();
    const dpapi = fakeDpapi();
    const cli = createSecretStore({ dir, env: {}, logger: recordingLogger(), dpapi });
    await cli.set('profile:p1:password', PASSWORD);
    expect(await exists(join(dir, KEY_FILE))).toBe(false);
    const h = await header(dir);
    expect(h.kdf).toMatchObject({ name: 'dpapi', scope: 'currentUser' });
    expect(JSON.stringify(h)).not.toContain(PASSWORD);
    expect(cli.describeProtection()).toBe('Windows DPAPI (currentUser)');
    // The desktop app of the same Windows account: a second instance, its own DPAPI calls.
    const desktop = createSecretStore({ dir, env: {}, logger: recordingLogger(), dpapi: fakeDpapi() });
    expect(await desktop.get('profile:p1:password')).toBe(PASSWORD);
    await desktop.set('profile:p1:proxyPassword', 'proxy-secret');
    expect((await header(dir)).kdf.key).toBe(h.kdf.key);
    expect(await cli.keys()).toEqual(['profile:p1:password', 'profile:p1:proxyPassword']);
  });

  it('another Windows account, or a machine without DPAPI, gets secrets.unreadable and the store is kept', async () => {
    const dir = await tempDir();
    await createSecretStore({ dir, env: {}, logger: recordingLogger(), dpapi: fakeDpapi('CONTOSO\\anna') }).set('k', PASSWORD);
    const before = await readFile(join(dir, SECRETS_FILE), 'utf8');
    const other = createSecretStore({ dir, env: {}, logger: recordingLogger(), dpapi: fakeDpapi('CONTOSO\\bob') });
    const otherAccount = await calpumpFailure(other.get('k'));
    expect(otherAccount.id).toBe('secrets.unreadable');
    expect(otherAccount.params.problem).toEqual({ key: 'problem.secrets.dpapiRefused', params: { scope: 'currentUser' } });
    const linux = createSecretStore({ dir, env: {}, logger: recordingLogger(), dpapi: null });
    const noDpapi = await calpumpFailure(linux.set('k2', 'v'));
    expect(noDpapi.id).toBe('secrets.unreadable');
    expect(noDpapi.params.problem).toEqual({ key: 'problem.secrets.dpapiUnavailable' });
    expect(await readFile(join(dir, SECRETS_FILE), 'utf8')).toBe(before);
  });

  it('machine scope for a service (CALPUMP_SECRET_SCOPE=machine): any account on that machine opens it', async () => {
    const dir = await tempDir();
    const env = { CALPUMP_SECRET_SCOPE: 'machine' };
    await createSecretStore({ dir, env, logger: recordingLogger(), dpapi: fakeDpapi('NT AUTHORITY\\SYSTEM') }).set('k', PASSWORD);
    expect((await header(dir)).kdf).toMatchObject({ name: 'dpapi', scope: 'localMachine' });
    expect(await createSecretStore({ dir, env, logger: recordingLogger(), dpapi: fakeDpapi('CONTOSO\\admin') }).get('k')).toBe(PASSWORD);
    expect(
      await createSecretStore({ dir, env, logger: recordingLogger(), dpapi: fakeDpapi('x', 'OTHER-HOST') })
        .get('k')
        .catch((e: { id: string }) => e.id),
    ).toBe('secrets.unreadable');
  });

  it('moves a key-file store to DPAPI with every secret kept, and removes the key file', async () => {
    const dir = await tempDir();
    const old = new FileSecretStore({ dir, env: {} });
    await old.set('profile:a:password', PASSWORD);
    await old.set('profile:b:clientSecret', 'client-secret-value');
    expect(await exists(join(dir, KEY_FILE))).toBe(true);
    const log = recordingLogger();
    const store = createSecretStore({ dir, env: {}, logger: log, dpapi: fakeDpapi() });
    expect(await store.keys()).toEqual(['profile:a:password', 'profile:b:clientSecret']);
    expect(await store.get('profile:a:password')).toBe(PASSWORD);
    expect((await header(dir)).kdf.name).toBe('dpapi');
    expect(await exists(join(dir, KEY_FILE))).toBe(false);
    expect(log.text()).toContain('secrets.migratedToDpapi');
    expect(await createSecretStore({ dir, env: {}, logger: recordingLogger(), dpapi: fakeDpapi() }).get('profile:b:clientSecret')).toBe(
      'client-secret-value',
    );
  });

  it('CALPUMP_SECRET_KEY still decides for a new store; the desktop file is announced until the desktop app moves it', async () => {
    const dir = await tempDir();
    const env = { CALPUMP_SECRET_KEY: 'a'.repeat(64) };
    await createSecretStore({ dir, env, logger: recordingLogger(), dpapi: fakeDpapi() }).set('k', 'v');
    expect((await header(dir)).kdf.name).toBe('raw');
    await writeFile(join(dir, DESKTOP_SECRETS_FILE), JSON.stringify({ schemaVersion: 1, entries: {} }));
    const log = recordingLogger();
    createSecretStore({ dir, env, logger: log, dpapi: fakeDpapi() });
    expect(log.text()).toContain('secrets.desktopPending');
  });
});
