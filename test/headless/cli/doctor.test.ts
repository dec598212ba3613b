// `calpump doctor` end to end in-process: a profile added through the CLI, the simulator as Exchange, and a
// stand-in connector for the two calendar steps (the protocol steps run for real against the simulator).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/core/connectors/connector.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { cliJson, runCli, tempConfigDir } from './helpers.js';

const SIM_PASSWORD = 'Passw0rd!';

const calendarConnector = async (): Promise<Connector> => ({
  kind: 'ews',
  test: async () => [],
  listMailboxes: async () => ({ items: [] }),
  folderTree: async () => [
    { id: 'c', name: 'Calendar', path: 'Calendar', kind: 'calendar', distinguishedId: 'calendar', totalCount: 4, childCount: 0 },
  ],
  async *calendarView() {
    yield { id: 'e1' } as NormalisedEvent;
  },
  describe: async () => ({}),
  close: async () => {},
});

describe('calpump doctor', () => {
  let sim: RunningSimulator;
  let dir: string;
  beforeAll(async () => {
    sim = await startSimulator({ mailboxes: 3, eventsPerMailbox: 2 });
    dir = await tempConfigDir();
    const add = (name: string, password: string) =>
      runCli(
        [
          '--config-dir',
          dir,
          'profiles',
          'add',
          '--name',
          name,
          '--url',
          sim.ewsUrl,
          '--username',
          'CONTOSO\\svc-calpump',
          '--auth',
          'ntlm',
          '--ca-file',
          sim.caFile!,
          '--proxy',
          'none',
          '--test-mailbox',
          'alice.smith@contoso.com',
          '--password-stdin',
        ],
        { input: `${password}\n` },
      );
    expect((await add('good', SIM_PASSWORD)).code).toBe(0);
    expect((await add('badpw', 'Wr0ng-secret-9c1e')).code).toBe(0);
  });
  afterAll(async () => sim.stop());

  const doctor = (args: string[]) =>
    runCli(['--config-dir', dir, 'doctor', ...args], { createConnector: calendarConnector, now: () => new Date() });

  it('passes every step for a healthy profile and exits 0', async () => {
    const r = await doctor(['--profile', 'good']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Doctor for profile good');
    expect(r.stdout).toMatch(/✓ TLS handshake \(\d+ ms\)/);
    expect(r.stdout).toMatch(/All 14 steps passed\./);
    expect(r.stdout).not.toContain('✗');
  });

  it('exits 1 at the first failing step with causes, fix and catalogue id — and never prints the password', async () => {
    const r = await doctor(['--profile', 'badpw']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ Credentials accepted');
    expect(r.stdout).toContain('Get-WebServicesVirtualDirectory');
    expect(r.stdout).toContain('[ews.auth.unauthorized]');
    expect(r.stdout).toMatch(/- Exchange version \(ServerVersionInfo\)\n\s+Skipped: needs "Credentials accepted"/);
    expect(r.stdout).toMatch(/Stopped at "Credentials accepted": 1 failed, \d+ skipped of 14 steps\./);
    expect(r.stdout + r.stderr).not.toContain('Wr0ng-secret-9c1e');
  });

  it('--json gives the whole report; --mailbox overrides the test mailbox; --lang localises', async () => {
    const r = await runCli(
      ['--config-dir', dir, '--lang', 'de', 'doctor', '--profile', 'good', '--mailbox', 'nobody@contoso.com', '--json'],
      { createConnector: calendarConnector, now: () => new Date() },
    );
    expect(r.code).toBe(1);
    const report = cliJson<{ steps: Array<{ status: string; message?: string }> }>(r);
    expect(report).toMatchObject({ profile: 'good', kind: 'ews', mailbox: 'nobody@contoso.com', ok: false });
    const failed = report.steps.find((s) => s.status === 'fail');
    expect(failed).toMatchObject({ id: 'mailbox.access', errorId: 'ews.mailbox.notFound', title: 'Zugriff auf das Testpostfach' });
    expect(failed?.message).toContain('nobody@contoso.com');
  });

  it('an unknown profile exits 1 with the catalogue message', async () => {
    const r = await doctor(['--profile', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope');
  });
});
