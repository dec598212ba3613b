// Issue 15 acceptance: one secret store per Windows account. A profile added with the CLI tests green in the
// desktop host's RPC (the same secrets, DPAPI-protected), and a profile created in the desktop app works in the
// CLI — against the simulator with the real EWS connector, both hosts on the same config folder.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopApp } from '../../src/main/desktop-app.js';
import { IPC_CALL_CHANNEL, type RpcResult } from '../../src/shared/rpc.js';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { runCli } from '../headless/cli/helpers.js';
import { fakeDpapi } from '../support/fake-dpapi.js';
import { createFakeElectron, eventFrom } from './fake-electron.js';

let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 3 });
  dir = await mkdtemp(join(tmpdir(), 'calpump-shared-secrets-'));
});
afterAll(async () => {
  await sim?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The same Windows account: each host gets its own DPAPI handle for that account. */
const ACCOUNT = 'CONTOSO\\admin';

async function desktop() {
  const fake = createFakeElectron({ userData: dir });
  const app = await startDesktopApp(fake.api, {
    argv: ['calpump.exe', '--hidden'],
    rendererIndex: '/opt/Calpump/dist/renderer/index.html',
    preloadPath: '/opt/Calpump/dist/preload/index.cjs',
    assetsDir: '/opt/Calpump/assets',
    dpapi: fakeDpapi(ACCOUNT),
    env: {},
  });
  const win = fake.windows[0];
  const call = async (method: string, input: unknown = {}) =>
    (await fake.invoke(IPC_CALL_CHANNEL, eventFrom(win), method, input)) as RpcResult;
  return { app, call, quit: () => fake.app.quit() };
}

const cli = (argv: string[], input?: string) => runCli(['--config-dir', dir, ...argv], { input, dpapi: fakeDpapi(ACCOUNT), env: {} });

describe('one secret store for the CLI and the desktop app', () => {
  it('a profile added in the CLI tests green in the desktop host (same secrets)', async () => {
    const add = await cli(
      [
        'profiles',
        'add',
        '--kind',
        'ews',
        '--name',
        'from-cli',
        '--url',
        sim.ewsUrl,
        '--auth',
        'ntlm',
        '--username',
        'svc-calpump@contoso.com',
        '--test-mailbox',
        'anna.schmidt@contoso.com',
        '--ca-file',
        sim.caFile!,
        '--password-stdin',
      ],
      'Passw0rd!\n',
    );
    expect(add.code, add.stderr).toBe(0);
    expect(await readdir(dir)).not.toContain('secret.key');

    const d = await desktop();
    try {
      const list = (await d.call('profiles.list')) as {
        ok: true;
        output: { profiles: Array<{ profile: { id: string; name: string }; secrets: Record<string, string> }> };
      };
      const p = list.output.profiles.find((x) => x.profile.name === 'from-cli')!;
      expect(p.secrets).toMatchObject({ password: 'stored' });
      const tested = (await d.call('profiles.test', { id: p.profile.id })) as {
        ok: boolean;
        output: { ok: boolean; steps: Array<{ status: string }> };
      };
      expect(tested.ok).toBe(true);
      expect(tested.output.ok, JSON.stringify(tested.output.steps)).toBe(true);

      // The other way round: a password typed in the desktop app is there for the CLI (and a scheduled task).
      const created = (await d.call('profiles.create', {
        profile: {
          kind: 'ews',
          name: 'from-desktop',
          url: sim.ewsUrl,
          username: 'svc-calpump@contoso.com',
          auth: 'basic',
          tls: { caFile: sim.caFile },
        },
        secrets: { password: 'Passw0rd!' },
      })) as { ok: boolean };
      expect(created.ok).toBe(true);
    } finally {
      d.quit();
    }
    const t = await cli(['profiles', 'test', 'from-desktop', '--mailbox', 'anna.schmidt@contoso.com']);
    expect(t.code, t.stdout + t.stderr).toBe(0);
  });
});
