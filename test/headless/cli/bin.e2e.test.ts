// Real runs of the installed entry point in a child process, with the password piped on stdin exactly as the
// docs show: from the prebuilt bundle (dist/cli, what `npm ci` builds — built here first when it is not current)
// and from the sources through tsx (CALPUMP_FROM_SOURCES=1, the developer path).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build-cli.mjs';
import { currentBundle } from '../../../scripts/cli-bundle.mjs';
import { demoCommands } from '../../../src/headless/cli/demo-commands.js';
import { startSimulator } from '../../../src/sim/index.js';
import { runBin } from './bin-child.js';
import { allFiles, cliJson, PASSWORD, tempConfigDir, type ProfileListJson } from './helpers.js';

const calpump = (args: string[], input = '', env: NodeJS.ProcessEnv = {}) =>
  runBin(args, input, { CALPUMP_FROM_SOURCES: fromSources, ...env });

let fromSources = '';

describe('bin/calpump.js from the prebuilt bundle', () => {
  beforeAll(async () => {
    fromSources = '';
    if (!currentBundle()) await buildCli({ quiet: true });
    expect(currentBundle()).toBeTruthy();
  }, 120_000);

  it('adds a profile with the password on stdin, lists it as JSON, and exits 2 on a usage error', async () => {
    const dir = await tempConfigDir();
    const add = await calpump(
      [
        'profiles',
        'add',
        '--name',
        'demo',
        '--url',
        'https://127.0.0.1:8443/EWS/Exchange.asmx',
        '--username',
        'svc-calpump@contoso.com',
        '--password-stdin',
      ],
      `${PASSWORD}\n`,
      { CALPUMP_CONFIG_DIR: dir },
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const list = await calpump(['--config-dir', dir, 'profiles', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(cliJson<ProfileListJson>(list).profiles[0]).toMatchObject({ name: 'demo', kind: 'ews', auth: 'ntlm' });
    const usage = await calpump(['--config-dir', dir, 'profiles', 'frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown command 'frobnicate'");
    for (const f of await allFiles(dir)) expect(f.text).not.toContain(PASSWORD);
  }, 90_000);

  it('runs the demo commands as printed against the simulator (plain Node ESM loading of every backend module)', async () => {
    const sim = await startSimulator({ port: 0 });
    try {
      const dir = await tempConfigDir();
      const [add, test, , folders] = demoCommands({ configDir: dir, ewsUrl: sim.ewsUrl, caFile: sim.caFile });
      expect((await calpump(add.argv, add.stdin)).code).toBe(0);
      const t = await calpump(test.argv);
      expect(t.stderr).toBe('');
      expect(t.code).toBe(0);
      expect(t.stdout).toMatch(/All \d+ steps passed/);
      const f = await calpump(folders.argv);
      expect(f.stdout).toMatch(/^Kalender \(\d+\)/m);
    } finally {
      await sim.stop();
    }
  }, 120_000);
});

describe('bin/calpump.js from the sources (tsx)', () => {
  beforeAll(() => {
    fromSources = '1';
  });

  it('prints its help and exits 2 on a usage error', async () => {
    const help = await calpump(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: calpump');
    const usage = await calpump(['frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown command 'frobnicate'");
  }, 90_000);
});
