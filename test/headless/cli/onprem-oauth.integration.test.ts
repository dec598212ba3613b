// OAuth on-premises (hybrid modern auth) end to end through the CLI: an EWS profile with --auth oauth gets an
// app-only bearer for the on-premises origin (https://localhost:PORT) from the simulator's Entra ID token
// endpoint, passes `profiles test`, and exports the events the simulator holds. A missing service principal
// name gives AADSTS500011 as its catalogue entry; no password is ever stored for the profile.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableEvent, expectedEvents, startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID, simTenant } from '../../../src/sim/oauth/index.js';
import { allFiles, cliJson, readExportedEvents, runCli, tempConfigDir, type ExportJson } from './helpers.js';

let sim: RunningSimulator;
const NOW = new Date();
const ANNA = 'anna.schmidt@contoso.com';

beforeAll(async () => {
  sim = await startSimulator({ port: 0, anchor: NOW });
});
afterAll(async () => sim?.stop());

const run = (argv: string[], input?: string) => runCli(argv, { input, now: () => NOW });

async function oauthProfile(): Promise<string> {
  const dir = await tempConfigDir();
  const r = await run(
    [
      '--config-dir',
      dir,
      'profiles',
      'add',
      '--kind',
      'ews',
      '--name',
      'onprem-oauth',
      '--url',
      sim.onPremEwsUrl!,
      '--auth',
      'oauth',
      '--tenant-id',
      SIM_TENANT_ID,
      '--client-id',
      SIM_APP_DAEMON,
      '--flow',
      'clientCredentials',
      '--authority-host',
      sim.url,
      '--username',
      'svc-calpump@contoso.com',
      // delegate on purpose: an app-only token impersonates whatever the profile says
      '--access',
      'delegate',
      '--test-mailbox',
      ANNA,
      '--ca-file',
      sim.caFile!,
      '--client-secret-stdin',
    ],
    `${SIM_APP_DAEMON_SECRET}\n`,
  );
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

describe('OAuth on-premises EWS through the CLI', () => {
  it('exports through a bearer from the simulator token endpoint, and profiles test passes', async () => {
    const dir = await oauthProfile();
    const show = await run(['--config-dir', dir, 'profiles', 'show', 'onprem-oauth', '--json']);
    const shown = JSON.parse(show.stdout) as { profile: Record<string, unknown>; secrets: Record<string, string> };
    expect(shown.profile).toMatchObject({ auth: 'oauth', oauth: { tenantId: SIM_TENANT_ID, clientId: SIM_APP_DAEMON } });
    expect(shown.secrets).toMatchObject({ clientSecret: 'stored', password: 'not set' });

    const tokensBefore = sim.counters.operation('OAuth:token');
    const test = await run(['--config-dir', dir, 'profiles', 'test', 'onprem-oauth']);
    expect(test.code, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('OAuth on-premises');

    const exp = await run([
      '--config-dir',
      dir,
      'export',
      '--profile',
      'onprem-oauth',
      '--mailbox',
      ANNA,
      '--days-back',
      '2',
      '--days-ahead',
      '10',
      '--format',
      'json',
      '--out',
      join(dir, 'out'),
      '--json',
    ]);
    expect(exp.code, exp.stderr).toBe(0);
    expect(sim.counters.operation('OAuth:token')).toBeGreaterThan(tokensBefore);
    const report = cliJson<ExportJson>(exp);
    const expected = expectedEvents(sim.world, ANNA, 'calendar', new Date(report.from), new Date(report.to));
    const events = await readExportedEvents(report.mailboxes[0].file!);
    expect(events.length).toBeGreaterThan(0);
    expect(events.map(comparableEvent)).toEqual(expected.map(comparableEvent));
    for (const f of await allFiles(dir)) expect(f.text, f.path).not.toContain(SIM_APP_DAEMON_SECRET);
  });

  it('names AADSTS500011 when the on-premises URL is not a name of the Exchange service principal', async () => {
    const dir = await oauthProfile();
    const urls = simTenant(sim.world).exchangeOnPremUrls;
    const registered = [...urls];
    urls.clear();
    try {
      const r = await run([
        '--config-dir',
        dir,
        'export',
        '--profile',
        'onprem-oauth',
        '--mailbox',
        ANNA,
        '--days-ahead',
        '1',
        '--format',
        'ics',
        '--out',
        join(dir, 'o'),
        '--json',
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('auth.resource.notRegistered');
      expect(r.stdout).toContain('AADSTS500011');
    } finally {
      for (const u of registered) urls.add(u);
    }
  });
});
