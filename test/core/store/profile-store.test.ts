import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { PROFILES_FILE, ProfileStore } from '../../../src/core/store/profile-store.js';
import { secretKey } from '../../../src/shared/profile.js';
import { readJson } from '../../support/typed-json.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

/** profiles.json as a hand edit sees it: entries of any shape, each with an id. */
interface ProfilesDoc {
  profiles: Array<{ id: string } & Record<string, unknown>>;
}

const ews = (name: string, extra: Record<string, unknown> = {}) => ({
  kind: 'ews',
  name,
  url: 'https://mail.contoso.com/EWS/Exchange.asmx',
  username: 'svc-calpump@contoso.com',
  auth: 'basic',
  ...extra,
});

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-profiles-'));
  const secrets = new MemorySecretStore();
  let n = 0;
  const store = new ProfileStore({ dir, secrets, newId: () => `id-${++n}` });
  return { dir, secrets, store, path: join(dir, PROFILES_FILE) };
}

describe('ProfileStore', () => {
  it('adds with defaults, gets by name (any case) or id, lists sorted', async () => {
    const { store } = await setup();
    const b = await store.add(ews('Beta'));
    await store.add(ews('alpha'));
    expect(b).toMatchObject({ id: 'id-1', access: 'impersonation', proxy: { mode: 'system' }, logLevel: 'info' });
    expect((await store.get('BETA')).id).toBe('id-1');
    expect((await store.get('id-1')).name).toBe('Beta');
    expect((await store.list()).map((p) => p.name)).toEqual(['alpha', 'Beta']);
  });

  it('rejects a duplicate name ignoring case, and invalid input with the field', async () => {
    const { store } = await setup();
    await store.add(ews('demo'));
    expect((await calpumpFailure(store.add(ews('DEMO')), 'input.invalid')).params.field).toBe('name');
    const bad = await calpumpFailure(store.add(ews('x', { url: 'not a url' })), 'input.invalid');
    expect(bad.params.field).toBe('url');
    await calpumpFailure(store.get('nope'), 'config.profileNotFound');
  });

  it('updates fields but not kind or id', async () => {
    const { store } = await setup();
    await store.add(ews('demo'));
    const u = await store.update('demo', (p) => ({ ...p, access: 'delegate', name: 'renamed' }));
    expect(u).toMatchObject({ id: 'id-1', access: 'delegate', name: 'renamed' });
    await calpumpFailure(
      store.update('renamed', (p) => ({ ...p, kind: 'graph' })),
      'input.invalid',
    );
    expect((await store.update('renamed', (p) => ({ ...p, id: 'other' }))).id).toBe('id-1');
    expect((await store.get('renamed')).id).toBe('id-1');
  });

  it('removing a profile deletes its secrets and only its secrets', async () => {
    const { store, secrets } = await setup();
    const a = await store.add(ews('a'));
    const b = await store.add(ews('b'));
    await secrets.set(secretKey(a.id, 'password'), 'pw-a');
    await secrets.set(secretKey(a.id, 'proxyPassword'), 'px-a');
    await secrets.set(secretKey(b.id, 'password'), 'pw-b');
    await store.remove('A');
    expect(await secrets.keys()).toEqual([secretKey(b.id, 'password')]);
    expect((await store.list()).map((p) => p.name)).toEqual(['b']);
  });

  it('one invalid profile: reported with its field, the others stay readable, writes refused, nothing dropped', async () => {
    const { dir, store, path } = await setup();
    await store.add(ews('one'));
    await store.add(ews('two'));
    await store.add(ews('three'));
    const doc = await readJson<ProfilesDoc>(path);
    doc.profiles[2].url = 'htp:/broken';
    const edited = JSON.stringify(doc, null, 2);
    await writeFile(path, edited);

    const inv = await store.inventory();
    expect(inv.profiles.map((p) => p.name)).toEqual(['one', 'two']);
    expect(inv.broken).toEqual([expect.objectContaining({ index: 2, name: 'three', field: 'profiles[2].url' })]);
    expect((await store.get('one')).name).toBe('one');
    const getBroken = await calpumpFailure(store.get('three'), 'config.invalid');
    expect(getBroken.params.field).toBe('profiles[2].url');

    const refused = await calpumpFailure(store.add(ews('four')), 'config.invalid');
    expect(refused.params).toMatchObject({ file: path, field: 'profiles[2].url' });
    expect(await readFile(refused.params.backup as string, 'utf8')).toBe(edited);
    await calpumpFailure(store.remove('one'), 'config.invalid');
    expect(await readFile(path, 'utf8')).toBe(edited);
    expect((await readdir(dir)).filter((f) => f.endsWith('.bak'))).toHaveLength(1);

    // Repair path: editing the broken entry itself.
    await store.update('three', (p) => ({ ...p, url: 'https://mail2.contoso.com/EWS/Exchange.asmx' }));
    expect((await store.inventory()).broken).toEqual([]);
    expect((await store.add(ews('four'))).name).toBe('four');
    expect((await store.list()).map((p) => p.name)).toEqual(['four', 'one', 'three', 'two']);
  });

  it('a non-object entry or an unknown kind is a broken entry, not a lost file', async () => {
    const { store, path } = await setup();
    await store.add(ews('keep'));
    const doc = await readJson<{ profiles: unknown[] }>(path);
    doc.profiles.push('oops', { kind: 'imap', name: 'x' });
    await writeFile(path, JSON.stringify(doc));
    const inv = await store.inventory();
    expect(inv.profiles.map((p) => p.name)).toEqual(['keep']);
    expect(inv.broken.map((b) => b.field)).toEqual(['profiles[1]', 'profiles[2].kind']);
    // The other repair path: remove the bad entries.
    await store.remove('x');
    expect((await store.inventory()).broken.map((b) => b.field)).toEqual(['profiles[1]']);
  });

  it('a hand-made duplicate name is reported on the later entry', async () => {
    const { store, path } = await setup();
    await store.add(ews('Same'));
    const doc = await readJson<ProfilesDoc>(path);
    doc.profiles.push({ ...doc.profiles[0], id: 'other', name: 'same' });
    await writeFile(path, JSON.stringify(doc));
    expect((await store.inventory()).broken).toEqual([expect.objectContaining({ index: 1, field: 'profiles[1].name' })]);
  });

  it('corrupt JSON: config.invalid, backup, nothing overwritten', async () => {
    const { store, path } = await setup();
    await store.add(ews('a'));
    await writeFile(path, '{"schemaVersion":1,"profiles":[{"kind":"ews",');
    const err = await calpumpFailure(store.list(), 'config.invalid');
    expect(err.params.field).toBe('(JSON syntax)');
    await calpumpFailure(store.add(ews('b')), 'config.invalid');
    expect(await readFile(path, 'utf8')).toBe('{"schemaVersion":1,"profiles":[{"kind":"ews",');
  });
});

describe('ProfileStore: copied entries never reach the original’s secrets', () => {
  /** profiles.json with `demo` (its secrets stored) and a hand-made copy of it as the second entry. */
  async function withCopy(copy: (orig: Record<string, unknown>) => Record<string, unknown>) {
    const s = await setup();
    const orig = await s.store.add(ews('demo'));
    await s.secrets.set(secretKey(orig.id, 'password'), 'pw-orig');
    await s.secrets.set(secretKey(orig.id, 'proxyPassword'), 'px-orig');
    const doc = await readJson<{ profiles: Array<Record<string, unknown>> }>(s.path);
    doc.profiles.push(copy(doc.profiles[0]));
    await writeFile(s.path, JSON.stringify(doc, null, 2));
    const origSecrets = async () => ({
      password: await s.secrets.get(secretKey(orig.id, 'password')),
      proxyPassword: await s.secrets.get(secretKey(orig.id, 'proxyPassword')),
    });
    return { ...s, orig, origSecrets };
  }
  const untouched = { password: 'pw-orig', proxyPassword: 'px-orig' };

  it('an exact copy is refused at load on the later entry; the original stays usable', async () => {
    const { store, orig } = await withCopy((p) => ({ ...p }));
    const inv = await store.inventory();
    expect(inv.profiles.map((p) => p.id)).toEqual([orig.id]);
    expect(inv.broken).toEqual([expect.objectContaining({ index: 1, field: 'profiles[1].id', ref: 'profiles[1]' })]);
    expect((await store.get('demo')).id).toBe(orig.id);
    expect((await store.get(orig.id)).id).toBe(orig.id);
  });

  it('name or id naming both entries: edit and remove are refused, the file and the secrets unchanged', async () => {
    const { store, path, orig, origSecrets } = await withCopy((p) => ({ ...p }));
    const before = await readFile(path, 'utf8');
    for (const ref of ['demo', 'DEMO', orig.id]) {
      const err = await calpumpFailure(store.remove(ref), 'config.ambiguous');
      expect(err.params).toMatchObject({ entries: 'profiles[0], profiles[1]', example: 'profiles[1]' });
      await calpumpFailure(
        store.update(ref, (p) => ({ ...p, name: 'x' })),
        'config.ambiguous',
      );
    }
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await origSecrets()).toEqual(untouched);
  });

  it('removing the copy by its position keeps the original and its secrets', async () => {
    const { store, orig, origSecrets } = await withCopy((p) => ({ ...p }));
    expect(await store.remove('profiles[1]')).toEqual({ id: orig.id, name: 'demo', secretsKept: true });
    expect(await origSecrets()).toEqual(untouched);
    expect((await store.inventory()).broken).toEqual([]);
    expect((await store.get('demo')).id).toBe(orig.id);
  });

  it('editing the copy gives it an id of its own: secrets stored for it never land on the original', async () => {
    const { store, secrets, orig, origSecrets } = await withCopy((p) => ({ ...p, name: 'demo-copy' }));
    const seen: string[][] = [];
    const edited = await store.update('demo-copy', (p) => ({ ...p, access: 'delegate' }), { onNewId: (a, b) => seen.push([a, b]) });
    expect(edited.id).not.toBe(orig.id);
    expect(seen).toEqual([[orig.id, edited.id]]);
    // What a caller (CLI --password-stdin, RPC) does next: store the secret under the returned id.
    await secrets.set(secretKey(edited.id, 'password'), 'pw-copy');
    expect(await origSecrets()).toEqual(untouched);
    expect((await store.list()).map((p) => [p.name, p.id])).toEqual([
      ['demo', orig.id],
      ['demo-copy', edited.id],
    ]);
    // And removing it now removes only its own secret.
    await store.remove('demo-copy');
    expect(await origSecrets()).toEqual(untouched);
    expect(await secrets.get(secretKey(edited.id, 'password'))).toBeUndefined();
  });

  it('a copy with its own name but the same id: remove by name keeps the secrets', async () => {
    const { store, origSecrets } = await withCopy((p) => ({ ...p, name: 'other' }));
    expect((await store.remove('other')).secretsKept).toBe(true);
    expect(await origSecrets()).toEqual(untouched);
  });

  it('a copy with its own id but the same name: removed by position, only its own secrets go', async () => {
    const { store, secrets, origSecrets } = await withCopy((p) => ({ ...p, id: 'copy-id' }));
    await secrets.set(secretKey('copy-id', 'password'), 'pw-copy');
    await calpumpFailure(store.remove('demo'), 'config.ambiguous');
    expect(await store.remove('profiles[1]')).toEqual({ id: 'copy-id', name: 'demo' });
    expect(await secrets.get(secretKey('copy-id', 'password'))).toBeUndefined();
    expect(await origSecrets()).toEqual(untouched);
  });

  it('no command on any entry, by any name, id or position, changes another profile’s secrets', async () => {
    const copies: Array<(p: Record<string, unknown>) => Record<string, unknown>> = [
      (p) => ({ ...p }),
      (p) => ({ ...p, name: 'copy' }),
      (p) => ({ ...p, id: 'copy-id' }),
      (p) => ({ ...p, url: 'not a url' }),
    ];
    for (const copy of copies) {
      for (const ref of ['demo', 'copy', 'copy-id', 'profiles[0]', 'profiles[1]']) {
        for (const op of ['edit', 'remove'] as const) {
          const { store, secrets, orig, origSecrets } = await withCopy(copy);
          const run =
            op === 'remove'
              ? store.remove(ref)
              : store.update(ref, (p) => ({
                  ...p,
                  name: `renamed-${ref.replace(/\W/g, '')}`,
                  url: 'https://x.contoso.com/EWS/Exchange.asmx',
                }));
          const result = await run.then(
            (r) => r,
            () => undefined,
          );
          // Whatever the command touched, a secret set for it afterwards goes under its own id.
          if (result && 'kind' in result && result.id !== orig.id) await secrets.set(secretKey(result.id, 'password'), 'pw-new');
          const label = `${copy.toString()} ${op} ${ref}`;
          const origStillThere = (await store.list()).some((p) => p.id === orig.id);
          if (origStillThere) expect(await origSecrets(), label).toEqual(untouched);
        }
      }
    }
  });

  it('removing a profile never deletes the secrets of an id that starts with its own', async () => {
    const { store, secrets, path } = await setup();
    await store.add(ews('a'));
    const doc = await readJson<ProfilesDoc>(path);
    doc.profiles.push({ ...doc.profiles[0], id: `${doc.profiles[0].id}:b`, name: 'b' });
    await writeFile(path, JSON.stringify(doc));
    await secrets.set(secretKey(`${doc.profiles[0].id}:b`, 'password'), 'pw-b');
    await store.remove('a');
    expect(await secrets.get(secretKey(`${doc.profiles[0].id}:b`, 'password'))).toBe('pw-b');
  });

  it('fields this version does not know survive an edit', async () => {
    const { store, path } = await setup();
    await store.add(ews('demo'));
    const doc = await readJson<ProfilesDoc>(path);
    doc.profiles[0].futureSetting = { on: true };
    doc.profiles[0].proxy = { mode: 'system', pacHint: 'wpad' };
    await writeFile(path, JSON.stringify(doc));
    await store.update('demo', (p) => ({ ...p, access: 'delegate' }));
    const after = (await readJson<ProfilesDoc>(path)).profiles[0];
    expect(after).toMatchObject({ access: 'delegate', futureSetting: { on: true }, proxy: { mode: 'system', pacHint: 'wpad' } });
  });
});

describe('ProfileStore: credentials inside URLs', () => {
  it('are refused with a message that says where they belong, and never echoed', async () => {
    const { store } = await setup();
    const ewsUrl = await calpumpFailure(
      store.add(ews('a', { url: 'https://svc:Secr3t@mail.contoso.com/EWS/Exchange.asmx' })),
      'input.invalid',
    );
    expect(ewsUrl.params.field).toBe('url');
    expect(ewsUrl.params.problem).toEqual({ key: 'problem.profile.ewsUrlCredentials' });
    expect(ewsUrl.render('nl').message).toContain('--password-stdin');
    const proxy = await calpumpFailure(
      store.add(ews('b', { proxy: { mode: 'url', url: 'http://user:pw@proxy.contoso.com:8080' } })),
      'input.invalid',
    );
    expect(proxy.params.field).toBe('proxy.url');
    expect(proxy.render().message).toContain('--proxy-password-stdin');
    for (const e of [ewsUrl, proxy]) expect(JSON.stringify(e.info())).not.toMatch(/Secr3t|user:pw/);
    expect((await store.add(ews('c', { proxy: { mode: 'url', url: 'http://proxy.contoso.com:8080', username: 'user' } }))).name).toBe('c');
  });
});
