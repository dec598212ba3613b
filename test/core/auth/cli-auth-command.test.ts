// `calpump auth login|status|logout` end to end: profiles created with the CLI, signed in against the
// simulator (client credentials, and interactive with the URL printed because no browser is opened).
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/headless/cli/main.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_APP_PUBLIC, SIM_TENANT_ID } from '../../../src/sim/oauth/index.js';
import { browse, freePort } from './support/test-browser.js';

let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 3 });
  dir = await mkdtemp(join(tmpdir(), 'calpump-cli-auth-'));
});
afterAll(async () => sim?.stop());

async function cli(argv: string[], opts: { input?: string; onStdout?: (all: string) => void } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(['--config-dir', dir, ...argv], {
    stdout: {
      write: (c: string) => {
        stdout += c;
        opts.onStdout?.(stdout);
      },
    },
    stderr: { write: (c: string) => (stderr += c) },
    stdin: Readable.from(opts.input === undefined ? [] : [opts.input]) as unknown as NodeJS.ReadableStream,
    env: { CALPUMP_SECRET_KEY: 'k'.repeat(40) },
  });
  return { code, stdout, stderr };
}

const common = () => [
  '--kind',
  'graph',
  '--tenant-id',
  SIM_TENANT_ID,
  '--authority-host',
  sim.url,
  '--graph-host',
  sim.url,
  '--ca-file',
  sim.caFile!,
  '--proxy',
  'none',
];

describe('calpump auth', () => {
  it('client credentials: status shows the stored credential, login checks it, nothing leaks', async () => {
    const add = await cli(
      [
        'profiles',
        'add',
        '--name',
        'daemon',
        ...common(),
        '--client-id',
        SIM_APP_DAEMON,
        '--flow',
        'clientCredentials',
        '--credential',
        'secret',
        '--client-secret-stdin',
      ],
      { input: `${SIM_APP_DAEMON_SECRET}\n` },
    );
    expect(add.code, add.stderr).toBe(0);
    const status = await cli(['auth', 'status', '--profile', 'daemon', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ flow: 'clientCredentials', signedIn: true, credential: 'secret' });
    const login = await cli(['auth', 'login', '--profile', 'daemon']);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain('token until');
    for (const out of [add, status, login]) expect(out.stdout + out.stderr).not.toContain(SIM_APP_DAEMON_SECRET);
  });

  it('interactive: prints the sign-in address when no browser is opened, then status shows the account; logout clears it', async () => {
    const port = await freePort();
    expect(
      (
        await cli([
          'profiles',
          'add',
          '--name',
          'desk',
          ...common(),
          '--client-id',
          SIM_APP_PUBLIC,
          '--flow',
          'interactive',
          '--redirect-uri',
          `http://127.0.0.1:${port}/`,
        ])
      ).code,
    ).toBe(0);
    let started = false;
    const login = await cli(['auth', 'login', '--profile', 'desk', '--no-browser', '--timeout', '30'], {
      onStdout: (all) => {
        const url = /https:\/\/\S+authorize\S+/.exec(all)?.[0];
        if (!url || started) return;
        started = true;
        void browse(url, {
          ca: readFileSync(sim.caFile!, 'utf8'),
          stopAtOrigin: `http://127.0.0.1:${port}`,
          fill: { login: 'alice.smith@contoso.com', passwd: 'Passw0rd!' },
        });
      },
    });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain('Open this address in a browser');
    expect(login.stdout).toContain('Signed in: alice.smith@contoso.com');
    const status = await cli(['auth', 'status', '--profile', 'desk', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ signedIn: true, account: 'alice.smith@contoso.com' });
    expect((await cli(['auth', 'logout', '--profile', 'desk'])).code).toBe(0);
    expect(JSON.parse((await cli(['auth', 'status', '--profile', 'desk', '--json'])).stdout)).toMatchObject({ signedIn: false });
  });

  it('a wrong client secret fails with exit 1 and the catalogue fix', async () => {
    await cli(
      [
        'profiles',
        'add',
        '--name',
        'wrong',
        ...common(),
        '--client-id',
        SIM_APP_DAEMON,
        '--flow',
        'clientCredentials',
        '--credential',
        'secret',
        '--client-secret-stdin',
      ],
      { input: 'not-the-secret-42\n' },
    );
    const login = await cli(['auth', 'login', '--profile', 'wrong']);
    expect(login.code).toBe(1);
    expect(login.stderr).toContain('Certificates & secrets');
    expect(login.stderr).not.toContain('not-the-secret-42');
  });
});
