// The signing hook: configured only from the environment (a certificate in the Windows store, or any signing
// command such as a cloud signing service), never unsigned by accident, never with a key from the repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sign, { DEFAULT_TIMESTAMP, SigningConfigError, signingPlan } from '../../build/sign.mjs';
import { loadBuilderConfig, ROOT } from './builder-config.js';

const FILE = 'C:\\build\\release\\user\\win-unpacked\\Calpump.exe';
const THUMB = '0123456789abcdef0123456789ABCDEF01234567';

describe('signing plan', () => {
  it('store: signtool with the thumbprint, SHA-256 and an RFC 3161 time stamp', () => {
    expect(signingPlan({ CALPUMP_SIGN: 'store', CALPUMP_SIGN_SHA1: THUMB }, FILE, { name: 'Calpump', root: ROOT })).toEqual({
      program: 'signtool.exe',
      args: ['sign', '/sha1', THUMB.toUpperCase(), '/fd', 'sha256', '/tr', DEFAULT_TIMESTAMP, '/td', 'sha256', '/d', 'Calpump', FILE],
    });
    const machine = signingPlan(
      {
        CALPUMP_SIGN: 'store',
        CALPUMP_SIGN_SHA1: THUMB.match(/../g)!.join(' '),
        CALPUMP_SIGN_MACHINE_STORE: '1',
        CALPUMP_SIGNTOOL: 'C:\\Program Files (x86)\\Windows Kits\\10\\bin\\x64\\signtool.exe',
        CALPUMP_SIGN_TIMESTAMP: 'http://timestamp.sectigo.com',
      },
      FILE,
      { nest: true, root: ROOT },
    );
    expect(machine).toEqual({
      program: 'C:\\Program Files (x86)\\Windows Kits\\10\\bin\\x64\\signtool.exe',
      args: [
        'sign',
        '/sha1',
        THUMB.toUpperCase(),
        '/sm',
        '/fd',
        'sha256',
        '/tr',
        'http://timestamp.sectigo.com',
        '/td',
        'sha256',
        '/as',
        FILE,
      ],
    });
  });

  it('command: any signing program, the file and secrets from the environment put into its arguments', () => {
    const env = {
      CALPUMP_SIGN: 'command',
      CALPUMP_SIGN_COMMAND: 'AzureSignTool.exe',
      CALPUMP_SIGN_ARGS: JSON.stringify([
        'sign',
        '-kvu',
        'https://vault.example',
        '-kvs',
        '{env:KV_SECRET}',
        '-tr',
        '{timestamp}',
        '{file}',
      ]),
      KV_SECRET: 's3cr3t',
    };
    expect(signingPlan(env, FILE, { root: ROOT })).toEqual({
      program: 'AzureSignTool.exe',
      args: ['sign', '-kvu', 'https://vault.example', '-kvs', 's3cr3t', '-tr', DEFAULT_TIMESTAMP, FILE],
    });
  });

  it('off: an explicit unsigned test build', () => {
    expect(signingPlan({ CALPUMP_SIGN: 'off' }, FILE, { root: ROOT })).toEqual({ skip: true });
  });

  it.each([
    ['nothing set', {}, /CALPUMP_SIGN is not set/],
    ['an unknown mode', { CALPUMP_SIGN: 'pfx' }, /not one of/],
    ['a short thumbprint', { CALPUMP_SIGN: 'store', CALPUMP_SIGN_SHA1: 'abc' }, /thumbprint/],
    ['no command', { CALPUMP_SIGN: 'command', CALPUMP_SIGN_ARGS: '["{file}"]' }, /CALPUMP_SIGN_COMMAND/],
    ['arguments without the file', { CALPUMP_SIGN: 'command', CALPUMP_SIGN_COMMAND: 'x', CALPUMP_SIGN_ARGS: '["sign"]' }, /\{file\}/],
    ['arguments that are not JSON', { CALPUMP_SIGN: 'command', CALPUMP_SIGN_COMMAND: 'x', CALPUMP_SIGN_ARGS: 'sign {file}' }, /JSON array/],
    [
      'a missing secret',
      { CALPUMP_SIGN: 'command', CALPUMP_SIGN_COMMAND: 'x', CALPUMP_SIGN_ARGS: '["{env:NOPE}","{file}"]' },
      /\{env:NOPE\}/,
    ],
    ['a key file in the repository', { CALPUMP_SIGN: 'off', CSC_LINK: 'build/calpump.pfx' }, /inside the repository/],
    [
      'a key file in the repository as file://',
      { CALPUMP_SIGN: 'off', WIN_CSC_LINK: `file://${ROOT}/certs/a.p12` },
      /inside the repository/,
    ],
  ])('stops the build for %s', (_what, env, message) => {
    expect(() => signingPlan(env as Record<string, string>, FILE, { root: ROOT })).toThrow(SigningConfigError);
    expect(() => signingPlan(env as Record<string, string>, FILE, { root: ROOT })).toThrow(message);
  });

  it('a key outside the repository (the build machine, a vault URL) is left to electron-builder', () => {
    expect(signingPlan({ CALPUMP_SIGN: 'off', CSC_LINK: '/secure/keys/calpump.pfx' }, FILE, { root: ROOT })).toEqual({ skip: true });
    expect(signingPlan({ CALPUMP_SIGN: 'off', CSC_LINK: 'https://vault.example/cert' }, FILE, { root: ROOT })).toEqual({ skip: true });
  });
});

describe('signing hook', () => {
  it('runs the planned program once per file, with the nesting electron-builder asks for', async () => {
    const ran: Array<[string, string[]]> = [];
    const env = { CALPUMP_SIGN: 'store', CALPUMP_SIGN_SHA1: THUMB };
    await sign({ path: FILE, isNest: false, name: 'Calpump' }, undefined, env, async (p, a) => void ran.push([p, a]));
    expect(ran).toHaveLength(1);
    expect(ran[0][0]).toBe('signtool.exe');
    expect(ran[0][1].at(-1)).toBe(FILE);
  });

  it('skips an explicit unsigned build and fails when the signing program fails', async () => {
    const never = async () => {
      throw new Error('must not run');
    };
    await expect(sign({ path: FILE, isNest: false, name: 'Calpump' }, undefined, { CALPUMP_SIGN: 'off' }, never)).resolves.toBeUndefined();
    await expect(
      sign({ path: FILE, isNest: false, name: 'Calpump' }, undefined, { CALPUMP_SIGN: 'store', CALPUMP_SIGN_SHA1: THUMB }, async () => {
        throw new Error('signing failed: signtool.exe exited with 1');
      }),
    ).rejects.toThrow(/signtool.exe exited with 1/);
  });

  it('is the signing hook of both installer configurations, with SHA-256 only and no certificate in them', async () => {
    for (const file of ['electron-builder.yml', 'electron-builder.machine.yml']) {
      const config = await loadBuilderConfig(file);
      expect(config.win?.signtoolOptions, file).toMatchObject({ sign: './build/sign.mjs', signingHashAlgorithms: ['sha256'] });
      for (const key of ['certificateFile', 'certificatePassword', 'certificateSha1', 'certificateSubjectName']) {
        expect(config.win?.signtoolOptions?.[key], `${file} ${key}`).toBeUndefined();
      }
      expect(config.win?.cscLink, file).toBeUndefined();
      expect(config.win?.cscKeyPassword, file).toBeUndefined();
    }
  });

  it('no signing key is in the repository (private keys only as TLS test fixtures)', () => {
    const skip = new Set(['node_modules', '.git', 'dist', 'release', 'out', 'coverage', '.tmp', 'test-results']);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory() && !skip.has(e.name)) walk(rel);
        else if (e.isFile()) files.push(rel);
      }
    };
    walk('');
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => /\.(pfx|p12|pvk|snk|spc)$/i.test(f))).toEqual([]);
    const pem = /-----BEGIN (ENCRYPTED |RSA |EC )?PRIVATE KEY-----\r?\n[A-Za-z0-9+/=]{20,}/;
    const keys = files.filter((f) => statSync(join(ROOT, f)).size < 2_000_000 && pem.test(readFileSync(join(ROOT, f), 'latin1')));
    expect(keys.filter((f) => !f.startsWith('test/fixtures/'))).toEqual([]);
  });
});
