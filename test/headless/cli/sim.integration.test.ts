// The CLI end to end against the simulator with the real EWS connector: every command the demo prints works
// as printed, and the three classic failures (wrong password, unknown mailbox, unreachable server) give
// their catalogue entries with exit 1.
import { createServer } from 'node:net';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommands, DEMO_ACCOUNT } from '../../../src/headless/cli/demo-commands.js';
import { comparableEvent, expectedEvents, startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { allFiles, cliJson, readExportedEvents, runCli, tempConfigDir, type ExportJson } from './helpers.js';

let sim: RunningSimulator;
const NOW = new Date();

beforeAll(async () => {
  sim = await startSimulator({ port: 0, anchor: NOW });
});
afterAll(async () => {
  await sim?.stop();
});

const run = (argv: string[], input?: string) => runCli(argv, { input, now: () => NOW });

async function demoProfile(extra: string[] = [], password: string = DEMO_ACCOUNT.password) {
  const dir = await tempConfigDir();
  const [add] = demoCommands({ configDir: dir, ewsUrl: sim.ewsUrl, caFile: sim.caFile });
  const r = await run([...add.argv, ...extra], `${password}\n`);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

describe('CLI against the simulator', () => {
  it('every printed demo command succeeds, and nothing secret reaches disk or output', async () => {
    const dir = await tempConfigDir();
    const out = join(dir, 'export');
    const outputs: string[] = [];
    for (const c of demoCommands({ configDir: dir, ewsUrl: sim.ewsUrl, caFile: sim.caFile, outDir: out })) {
      const r = await run(['--log-level', 'all', ...c.argv], c.stdin);
      outputs.push(r.stdout, r.stderr);
      expect(r.code, `${c.line}\n${r.stderr}`).toBe(0);
    }
    const [, test, mailboxes, folders] = outputs.filter((_, i) => i % 2 === 0);
    expect(test).toMatch(/All \d+ steps passed\./);
    expect(mailboxes).toMatch(/Bob Jones\s+bob\.jones@contoso\.com\s+.*user/);
    expect(mailboxes).toContain('room.amsterdam@contoso.com');
    expect(folders).toMatch(/^Kalender \(\d+\)\s+--folder calendar$/m);
    const files = await readdir(out);
    expect(files.filter((f) => f.endsWith('.ics'))).toHaveLength(2);
    for (const f of await allFiles(dir)) expect(f.text, f.path).not.toContain(DEMO_ACCOUNT.password);
    for (const o of outputs) expect(o).not.toContain(DEMO_ACCOUNT.password);
  });

  it("export --json matches the simulator's expected events for the window", async () => {
    const dir = await demoProfile();
    const mailbox = 'alice.smith@contoso.com';
    const r = await run([
      '--config-dir',
      dir,
      'export',
      '--profile',
      'demo',
      '--mailbox',
      mailbox,
      '--days-back',
      '3',
      '--days-ahead',
      '10',
      '--format',
      'json',
      '--out',
      join(dir, 'out'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = cliJson<ExportJson>(r);
    const expected = expectedEvents(sim.world, mailbox, 'calendar', new Date(report.from), new Date(report.to));
    expect(report.mailboxes[0].items).toBe(expected.length);
    const events = await readExportedEvents(report.mailboxes[0].file!);
    expect(events.map(comparableEvent)).toEqual(expected.map(comparableEvent));
  });

  it('wrong password: catalogue entry, exit 1; `profiles test` shows the failed step with its fix', async () => {
    const dir = await demoProfile([], 'not-the-password');
    const r = await run(['--config-dir', dir, 'mailboxes', '--profile', 'demo']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[ews.auth.unauthorized]');
    expect(r.stderr).toContain('Fix:');
    const t = await run(['--config-dir', dir, 'profiles', 'test', 'demo']);
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/✗ .*\n(.*\n)*\s+Fix: /);
    expect(t.stdout).toContain('ews.auth.unauthorized');
  });

  it('unknown mailbox: catalogue entry naming it, exit 1', async () => {
    const dir = await demoProfile();
    const r = await run(['--config-dir', dir, 'folders', '--profile', 'demo', '--mailbox', 'nobody@contoso.com']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nobody@contoso.com');
    expect(r.stderr).toContain('[ews.mailbox.notFound]');
  });

  it('unreachable server: a network catalogue entry with the port, exit 1', async () => {
    const closed = createServer();
    await new Promise<void>((res) => closed.listen(0, '127.0.0.1', () => res()));
    const port = (closed.address() as { port: number }).port;
    await new Promise((res) => closed.close(res));
    const dir = await tempConfigDir();
    const [add] = demoCommands({ configDir: dir, ewsUrl: `https://127.0.0.1:${port}/EWS/Exchange.asmx`, caFile: sim.caFile });
    expect((await run(add.argv, `${DEMO_ACCOUNT.password}\n`)).code).toBe(0);
    const r = await run(['--config-dir', dir, 'mailboxes', '--profile', 'demo']);
    expect(r.code).toBe(1);
    // net.unreachable or a more specific network entry (net.refused): the catalogue's network area, naming the port.
    expect(r.stderr).toMatch(/\[net\.[a-zA-Z.]+\]/);
    expect(r.stderr).toContain(String(port));
    expect(r.stderr).toContain('Fix:');
  });
});
