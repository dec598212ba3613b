import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../support/typed-json.js';
import { addDemoProfile, allFiles, cliJson, PASSWORD, runCli, tempConfigDir, type ProfileJson, type ProfileListJson } from './helpers.js';

describe('calpump profiles', () => {
  it('add (password from stdin) → list → show → edit → remove, exit 0 throughout', async () => {
    const dir = await tempConfigDir();
    const added = await addDemoProfile(dir);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(/^Added profile demo \(/);

    const list = await runCli(['--config-dir', dir, 'profiles', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/NAME\s+KIND\s+SERVER/);
    expect(list.stdout).toMatch(/demo\s+ews\s+https:\/\/127\.0\.0\.1:8443\/EWS\/Exchange\.asmx\s+svc-calpump@contoso\.com\s+impersonation/);

    const show = await runCli(['--config-dir', dir, 'profiles', 'show', 'DEMO']);
    expect(show.stdout).toMatch(/secret password\s+stored/);
    expect(show.stdout).not.toContain(PASSWORD);

    const edit = await runCli([
      '--config-dir',
      dir,
      'profiles',
      'edit',
      'demo',
      '--access',
      'delegate',
      '--proxy',
      'http://proxy.contoso.com:8080',
      '--proxy-user',
      'px',
    ]);
    expect(edit.code).toBe(0);
    const json = cliJson<ProfileJson>(await runCli(['--config-dir', dir, 'profiles', 'show', 'demo', '--json']));
    expect(json.profile).toMatchObject({
      access: 'delegate',
      proxy: { mode: 'url', url: 'http://proxy.contoso.com:8080', username: 'px' },
    });
    expect(json.secrets).toEqual({ password: 'stored', proxyPassword: 'not set' });

    const removed = await runCli(['--config-dir', dir, 'profiles', 'remove', 'demo']);
    expect(removed.code).toBe(0);
    expect(JSON.parse((await runCli(['--config-dir', dir, 'profiles', 'list', '--json'])).stdout)).toEqual({ profiles: [], broken: [] });
    // The password went with the profile: the store holds no key for it any more.
    const { FileSecretStore } = await import('../../../src/core/secrets/file-secret-store.js');
    expect(await new FileSecretStore({ dir, env: {} }).keys()).toEqual([]);
  });

  it('edit --auth kerberos with --kerberos-credential, --keytab-file, --spn and --realm; a missing keytab file is exit 2', async () => {
    const dir = await tempConfigDir();
    await addDemoProfile(dir);
    const keytab = join(dir, 'svc.keytab');
    await writeFile(keytab, 'not read here');
    const args = ['--config-dir', dir, 'profiles', 'edit', 'demo', '--auth', 'kerberos', '--keytab-file', keytab];
    const edit = await runCli([...args, '--spn', 'HTTP/exch-lb.contoso.com', '--realm', 'CONTOSO.COM']);
    expect(edit).toMatchObject({ code: 0 });
    const json = cliJson<ProfileJson>(await runCli(['--config-dir', dir, 'profiles', 'show', 'demo', '--json']));
    expect(json.profile).toMatchObject({
      auth: 'kerberos',
      kerberos: { credential: 'keytab', keytab, spn: 'HTTP/exch-lb.contoso.com', realm: 'CONTOSO.COM' },
    });
    const logon = await runCli(['--config-dir', dir, 'profiles', 'edit', 'demo', '--kerberos-credential', 'logon', '--keytab-file', '']);
    expect(logon.code).toBe(0);
    const after = cliJson<ProfileJson>(await runCli(['--config-dir', dir, 'profiles', 'show', 'demo', '--json']));
    expect(after.profile.kerberos).toEqual({ credential: 'logon', spn: 'HTTP/exch-lb.contoso.com', realm: 'CONTOSO.COM' });
    const missing = await runCli(['--config-dir', dir, 'profiles', 'edit', 'demo', '--keytab-file', join(dir, 'nope.keytab')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--keytab-file');
  });

  it('--proxy-pac: a PAC file of the profile; the proxy account stays across modes; conflicts and bad addresses refused', async () => {
    const dir = await tempConfigDir();
    await addDemoProfile(dir);
    const cli = (...args: string[]) => runCli(['--config-dir', dir, 'profiles', ...args]);
    const shown = async () => cliJson<ProfileJson>(await cli('show', 'demo', '--json'));
    expect((await cli('edit', 'demo', '--proxy-pac', 'http://wpad.contoso.com/proxy.pac', '--proxy-user', 'CONTOSO\\px')).code).toBe(0);
    expect((await shown()).profile.proxy).toEqual({ mode: 'pac', pacUrl: 'http://wpad.contoso.com/proxy.pac', username: 'CONTOSO\\px' });
    expect((await shown()).secrets).toMatchObject({ proxyPassword: 'not set' });
    expect((await cli('edit', 'demo', '--proxy', 'system')).code).toBe(0);
    expect((await shown()).profile.proxy).toEqual({ mode: 'system', username: 'CONTOSO\\px' });
    const both = await cli('edit', 'demo', '--proxy', 'none', '--proxy-pac', 'http://wpad/proxy.pac');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--proxy-pac');
    const ftp = await cli('edit', 'demo', '--proxy-pac', 'ftp://wpad/proxy.pac');
    expect(ftp.code).toBe(2);
    expect(ftp.stderr).toContain('http://, https:// or file://');
    expect((await cli('edit', 'demo', '--proxy', 'none')).code).toBe(0);
    expect((await shown()).profile.proxy).toEqual({ mode: 'none' });
    expect((await cli('edit', 'demo', '--proxy-user', 'px')).code).toBe(2);
  });

  it('never accepts a password as an argument value (exit 2, value not echoed)', async () => {
    const dir = await tempConfigDir();
    const r = await runCli([
      '--config-dir',
      dir,
      'profiles',
      'add',
      '--name',
      'x',
      '--url',
      'https://h/EWS/Exchange.asmx',
      '--username',
      'a@contoso.com',
      '--password',
      PASSWORD,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--password-stdin');
    expect(r.stderr + r.stdout).not.toContain(PASSWORD);
    expect(await readdir(dir)).not.toContain('profiles.json');
  });

  it('reads the password from a named environment variable', async () => {
    const dir = await tempConfigDir();
    const r = await runCli(
      [
        '--config-dir',
        dir,
        'profiles',
        'add',
        '--name',
        'envy',
        '--url',
        'https://h/EWS/Exchange.asmx',
        '--username',
        'a@contoso.com',
        '--password-env',
        'SVC_PW',
      ],
      { env: { SVC_PW: PASSWORD } },
    );
    expect(r.code).toBe(0);
    const missing = await runCli(['--config-dir', dir, 'profiles', 'edit', 'envy', '--password-env', 'NOPE']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('NOPE is not set');
  });

  it('bad input gets exit 2 naming the flag; a usage error too; unknown profile exit 1', async () => {
    const dir = await tempConfigDir();
    const badUrl = await runCli([
      '--config-dir',
      dir,
      'profiles',
      'add',
      '--name',
      'x',
      '--url',
      'not-a-url',
      '--username',
      'a@contoso.com',
    ]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('--url (url)');
    const badChoice = await runCli(['--config-dir', dir, 'profiles', 'add', '--auth', 'digest']);
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toContain('Allowed choices are basic, ntlm, oauth, kerberos');
    const unknownCmd = await runCli(['--config-dir', dir, 'profils', 'list']);
    expect(unknownCmd.code).toBe(2);
    expect(unknownCmd.stderr).toContain('profiles');
    const emptyStdin = await runCli(
      [
        '--config-dir',
        dir,
        'profiles',
        'add',
        '--name',
        'x',
        '--url',
        'https://h/EWS/Exchange.asmx',
        '--username',
        'a@contoso.com',
        '--password-stdin',
      ],
      { input: '' },
    );
    expect(emptyStdin.code).toBe(2);
    const notFound = await runCli(['--config-dir', dir, 'profiles', 'show', 'ghost']);
    expect(notFound.code).toBe(1);
    expect(notFound.stderr).toContain('There is no profile named ghost.');
    expect(notFound.stderr).toContain('calpump profiles list');
    const duplicate = (await addDemoProfile(dir), await addDemoProfile(dir));
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('already exists');
  });

  it('help exits 0 and lists every EWS field flag', async () => {
    const r = await runCli(['profiles', 'add', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--url',
      '--autodiscover-email',
      '--auth',
      '--username',
      '--password-stdin',
      '--password-env',
      '--mail-domain',
      '--access',
      '--exchange-version',
      '--time-zone',
      '--proxy',
      '--proxy-pac',
      '--proxy-user',
      '--proxy-password-stdin',
      '--ca-file',
      '--pin-sha256',
      '--test-mailbox',
      '--profile-log-level',
    ]) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).not.toMatch(/--password </);
  });

  it('corrupt profiles file: names file and field, keeps a backup, drops nothing, refuses writes until repaired', async () => {
    const dir = await tempConfigDir();
    await addDemoProfile(dir);
    for (const name of ['second', 'third']) {
      await runCli([
        '--config-dir',
        dir,
        'profiles',
        'add',
        '--name',
        name,
        '--url',
        `https://${name}.contoso.com/EWS/Exchange.asmx`,
        '--username',
        'svc@contoso.com',
      ]);
    }
    const path = join(dir, 'profiles.json');
    const doc = await readJson<{ profiles: Array<Record<string, unknown>> }>(path);
    doc.profiles[1].access = 'everything';
    const edited = JSON.stringify(doc, null, 2);
    await writeFile(path, edited);

    const list = await runCli(['--config-dir', dir, 'profiles', 'list']);
    expect(list.code).toBe(1);
    expect(list.stdout).toContain('demo');
    expect(list.stdout).toContain('third');
    expect(list.stderr).toContain('profiles[1].access');
    expect(list.stderr).toContain(path);
    expect(list.stderr).toContain('calpump profiles edit second');

    const add = await runCli([
      '--config-dir',
      dir,
      'profiles',
      'add',
      '--name',
      'fourth',
      '--url',
      'https://f/EWS/Exchange.asmx',
      '--username',
      'a@contoso.com',
    ]);
    expect(add.code).toBe(1);
    expect(add.stderr).toContain('The configuration file is invalid');
    expect(add.stderr).toContain(`${path}: profiles[1].access`);
    const backup = /a backup of the file as read is at (\S+?)\)/.exec(add.stderr)?.[1];
    expect(backup && (await readFile(backup, 'utf8'))).toBe(edited);
    expect(await readFile(path, 'utf8')).toBe(edited);

    const repair = await runCli(['--config-dir', dir, 'profiles', 'edit', 'second', '--access', 'delegate']);
    expect(repair.code).toBe(0);
    const after = cliJson<ProfileListJson>(await runCli(['--config-dir', dir, 'profiles', 'list', '--json']));
    expect(after.profiles.map((p) => p.name)).toEqual(['demo', 'second', 'third']);
    expect(after.broken).toEqual([]);
  });

  it('broken JSON: clear error with the file and "(JSON syntax)", exit 1, file untouched', async () => {
    const dir = await tempConfigDir();
    await addDemoProfile(dir);
    await writeFile(join(dir, 'profiles.json'), '{ "schemaVersion": 1, "profiles": [ { "kind": "ews", ');
    const r = await runCli(['--config-dir', dir, 'profiles', 'list', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(JSON syntax)');
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { id: 'config.invalid' } });
    expect((await readdir(dir)).some((f) => f.startsWith('profiles.json.invalid-'))).toBe(true);
  });

  it('no secret in plaintext anywhere under the config dir, in logs or in --json output', async () => {
    const dir = await tempConfigDir();
    const outputs: string[] = [];
    const run = async (argv: string[], input?: string) => {
      const r = await runCli(['--config-dir', dir, '--log-level', 'all', ...argv], { input, env: { PROXY_PW: `${PASSWORD}-proxy` } });
      outputs.push(r.stdout, r.stderr);
      return r;
    };
    await run(
      [
        'profiles',
        'add',
        '--name',
        'demo',
        '--url',
        'https://h/EWS/Exchange.asmx',
        '--username',
        'svc@contoso.com',
        '--password-stdin',
        '--proxy',
        'http://proxy:8080',
        '--proxy-user',
        'px',
        '--proxy-password-env',
        'PROXY_PW',
        '--json',
      ],
      `${PASSWORD}\n`,
    );
    await run(['profiles', 'show', 'demo', '--json']);
    await run(['profiles', 'list', '--json']);
    await run(['profiles', 'edit', 'demo', '--password-stdin', '--json'], `${PASSWORD}\n`);
    await run(['profiles', 'add', '--name', 'leak', '--password', PASSWORD]);
    const files = await allFiles(dir);
    expect(files.map((f) => f.path).some((p) => p.endsWith('calpump.log'))).toBe(true);
    for (const f of files) expect(f.text, f.path).not.toContain(PASSWORD);
    for (const o of outputs) expect(o).not.toContain(PASSWORD);
  });

  it('wrong secret key: secrets.unreadable with its fix; --reset-secrets starts over keeping a backup', async () => {
    const dir = await tempConfigDir();
    const key1 = Buffer.alloc(32, 1).toString('base64');
    const key2 = Buffer.alloc(32, 2).toString('base64');
    await runCli(
      [
        '--config-dir',
        dir,
        'profiles',
        'add',
        '--name',
        'demo',
        '--url',
        'https://h/EWS/Exchange.asmx',
        '--username',
        'svc@contoso.com',
        '--password-stdin',
      ],
      { input: PASSWORD, env: { CALPUMP_SECRET_KEY: key1 } },
    );
    const show = await runCli(['--config-dir', dir, 'profiles', 'show', 'demo', '--json'], { env: { CALPUMP_SECRET_KEY: key2 } });
    expect(cliJson<ProfileJson>(show).secrets).toEqual({ password: 'unreadable' });
    const edit = await runCli(['--config-dir', dir, 'profiles', 'edit', 'demo', '--password-stdin'], {
      input: 'new',
      env: { CALPUMP_SECRET_KEY: key2 },
    });
    expect(edit.code).toBe(1);
    expect(edit.stderr).toContain('Stored secrets cannot be decrypted');
    expect(edit.stderr).toContain('--reset-secrets');
    const reset = await runCli(['--config-dir', dir, 'profiles', 'edit', 'demo', '--reset-secrets', '--password-stdin'], {
      input: 'new-password',
      env: { CALPUMP_SECRET_KEY: key2 },
    });
    expect(reset.code).toBe(0);
    expect(reset.stderr).toContain('secrets.enc.json.reset-');
    const shown = await runCli(['--config-dir', dir, 'profiles', 'show', 'demo', '--json'], { env: { CALPUMP_SECRET_KEY: key2 } });
    expect(cliJson<ProfileJson>(shown).secrets).toEqual({ password: 'stored' });
  });

  it('messages follow --lang', async () => {
    const r = await runCli(['--config-dir', await tempConfigDir(), '--lang', 'nl', 'profiles', 'show', 'ghost']);
    expect(r.stderr).toContain('Er is geen profiel met de naam ghost.');
  });
});

describe('interactive password prompt', () => {
  it('asks on a terminal without echoing what is typed', async () => {
    const { PassThrough } = await import('node:stream');
    const tty = Object.assign(new PassThrough(), {
      isTTY: true,
      rawModes: [] as boolean[],
      setRawMode(raw: boolean) {
        this.rawModes.push(raw);
        return this;
      },
    });
    const dir = await tempConfigDir();
    // Typed ahead (buffered until the prompt listens): the password, a typo, backspace, Enter.
    tty.write(`${PASSWORD}x\u007f\r`);
    const r = await runCli(
      [
        '--config-dir',
        dir,
        'profiles',
        'add',
        '--name',
        'tty',
        '--url',
        'https://h/EWS/Exchange.asmx',
        '--username',
        'svc@contoso.com',
        '--password-stdin',
      ],
      { stdin: tty },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Password: \n');
    expect(tty.rawModes).toEqual([true, false]);
    const { FileSecretStore } = await import('../../../src/core/secrets/file-secret-store.js');
    const store = new FileSecretStore({ dir, env: {} });
    expect(await store.get((await store.keys())[0])).toBe(PASSWORD);
  });
});

describe('calpump --version / no command', () => {
  it('prints the package version with exit 0; no command at all is a usage error', async () => {
    const { version } = await readJson<{ version: string }>(new URL('../../../package.json', import.meta.url));
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: calpump');
  });

  it('a copy-pasted entry: refused at load, and the repair the tool suggests never touches the original’s password', async () => {
    const dir = await tempConfigDir();
    await addDemoProfile(dir);
    const path = join(dir, 'profiles.json');
    const doc = await readJson<{ profiles: Array<{ id: string }> }>(path);
    doc.profiles.push({ ...doc.profiles[0] });
    await writeFile(path, JSON.stringify(doc, null, 2));
    const { FileSecretStore } = await import('../../../src/core/secrets/file-secret-store.js');
    const secrets = new FileSecretStore({ dir, env: {} });
    const original = `profile:${doc.profiles[0].id}:password`;

    const list = await runCli(['--config-dir', dir, 'profiles', 'list']);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('profiles[1].id');
    expect(list.stderr).toContain('calpump profiles edit "profiles[1]"');

    // The name and the id name both entries: refused, nothing written.
    const byName = await runCli(['--config-dir', dir, 'profiles', 'edit', 'demo', '--name', 'demo2'], { input: 'other\n' });
    expect(byName.code).toBe(1);
    expect(byName.stderr).toContain('profiles[0], profiles[1]');

    const edit = await runCli(['--config-dir', dir, 'profiles', 'edit', 'profiles[1]', '--name', 'demo2', '--password-stdin'], {
      input: 'pw-of-the-copy\n',
    });
    expect(edit.code).toBe(0);
    expect(edit.stderr).toContain('an id of its own');
    expect(await secrets.get(original)).toBe(PASSWORD);

    const removed = await runCli(['--config-dir', dir, 'profiles', 'remove', 'demo2']);
    expect(removed.code).toBe(0);
    expect(await secrets.get(original)).toBe(PASSWORD);
    expect(await secrets.keys()).toEqual([original]);
    const after = cliJson<ProfileListJson>(await runCli(['--config-dir', dir, 'profiles', 'list', '--json']));
    expect(after.broken).toEqual([]);
    expect(after.profiles.map((p) => p.id)).toEqual([doc.profiles[0].id]);
  });
});
