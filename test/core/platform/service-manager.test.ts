// The Windows service through WinSW and sc.exe, with a fake command runner (no Windows here): the XML the wrapper
// reads, the commands in order, sc.exe's answers, and the Event Log entry for an error record.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventLogSink, windowsEventLog } from '../../../src/core/platform/event-log.js';
import {
  parseScQuery,
  windowsArgument,
  winswServiceManager,
  winswXml,
  type CommandResult,
  type CommandRunner,
  type ServiceSpec,
} from '../../../src/core/platform/service-manager.js';
import { runCli } from '../../headless/cli/helpers.js';

function fakeRunner(answers: Record<string, CommandResult> = {}) {
  const calls: string[] = [];
  const runner: CommandRunner = {
    run: async (file, args) => {
      const line = [file.split(/[\\/]/).pop(), ...args].join(' ');
      calls.push(line);
      return answers[line] ?? { code: 0, stdout: '', stderr: '' };
    },
  };
  return { runner, calls };
}

const RUNNING = 'SERVICE_NAME: Calpump\n        TYPE               : 10  WIN32_OWN_PROCESS\n        STATE              : 4  RUNNING\n';

async function spec(): Promise<{ spec: ServiceSpec; dir: string; winsw: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-service-'));
  const winsw = join(dir, 'WinSW-x64.exe');
  await writeFile(winsw, 'MZ fake wrapper');
  return {
    dir,
    winsw,
    spec: {
      id: 'Calpump',
      displayName: 'Calpump',
      description: 'Calpump <calendar> pump & UI',
      executable: 'C:\\Program Files\\nodejs\\node.exe',
      arguments: ['C:\\Program Files\\Calpump\\bin\\calpump.js', '--config-dir', 'C:\\ProgramData\\Calpump', 'serve'],
      workingDirectory: 'C:\\ProgramData\\Calpump',
      logDirectory: join(dir, 'logs', 'service'),
      env: { CALPUMP_SECRET_SCOPE: 'machine', CALPUMP_EVENT_LOG: '1' },
    },
  };
}

describe('Windows service through WinSW', () => {
  it('writes the wrapper configuration: restart on failure, rolling logs, machine-scope secrets, escaped values', async () => {
    const { spec: s } = await spec();
    const xml = winswXml(s);
    expect(xml).toContain('<description>Calpump &lt;calendar&gt; pump &amp; UI</description>');
    expect(xml).toContain(
      '<arguments>&quot;C:\\Program Files\\Calpump\\bin\\calpump.js&quot; --config-dir C:\\ProgramData\\Calpump serve</arguments>',
    );
    expect(xml).toContain('<onfailure action="restart" delay="10 sec"/>');
    expect(xml).toContain('<log mode="roll-by-size">');
    expect(xml).toContain('<env name="CALPUMP_SECRET_SCOPE" value="machine"/>');
    expect(windowsArgument('a "b" c\\')).toBe('"a \\"b\\" c\\\\"');
  });

  it('installs by copying the wrapper next to its XML, then install and start; a domain password leaves the XML', async () => {
    const { spec: s, dir, winsw } = await spec();
    const { runner, calls } = fakeRunner();
    const m = winswServiceManager({ winswExe: winsw, serviceDirectory: join(dir, 'service'), runner });
    await m.install({ ...s, account: { username: 'CONTOSO\\svc-calpump', password: 'Svc-Passw0rd' } });
    expect(calls).toEqual(['Calpump.exe install', 'Calpump.exe start']);
    expect(await readFile(join(dir, 'service', 'Calpump.exe'), 'utf8')).toBe('MZ fake wrapper');
    const xml = await readFile(join(dir, 'service', 'Calpump.xml'), 'utf8');
    expect(xml).toContain('<username>CONTOSO\\svc-calpump</username>');
    expect(xml).not.toContain('Svc-Passw0rd');
  });

  it('reads sc.exe: running, not installed (1060), and uninstalls a running service by stopping it first', async () => {
    expect(parseScQuery({ code: 0, stdout: RUNNING, stderr: '' })).toMatchObject({ installed: true, state: 'running' });
    const missing = { code: 1060, stdout: '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:', stderr: '' };
    expect(parseScQuery(missing)).toMatchObject({ installed: false });
    const { dir, winsw } = await spec();
    const { runner, calls } = fakeRunner({ 'sc.exe query Calpump': { code: 0, stdout: RUNNING, stderr: '' } });
    await winswServiceManager({ winswExe: winsw, serviceDirectory: join(dir, 'service'), runner }).uninstall('Calpump');
    expect(calls).toEqual(['sc.exe query Calpump', 'Calpump.exe stop', 'Calpump.exe uninstall']);
    const failing = fakeRunner({ 'sc.exe query Calpump': { code: 5, stdout: '', stderr: 'Access is denied.' } });
    await expect(winswServiceManager({ winswExe: winsw, serviceDirectory: dir, runner: failing.runner }).status('Calpump')).rejects.toThrow(
      /Access is denied/,
    );
  });

  it('copies error records to the Event Log (eventcreate), never other levels', async () => {
    const { runner, calls } = fakeRunner();
    const sink = eventLogSink(windowsEventLog(runner));
    sink.write({ time: '', level: 'warn', event: 'x', fields: {} });
    sink.write({ time: '', level: 'error', event: 'pump.mailbox.failed', fields: { mailbox: 'anna@contoso.com' } });
    await new Promise((r) => setImmediate(r));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^eventcreate\.exe \/L APPLICATION \/T ERROR \/SO Calpump \/ID 100 \/D pump\.mailbox\.failed /);
  });

  it('the CLI refuses `service` off Windows with its catalogue entry', async () => {
    const r = await runCli(['service', 'status'], { platform: 'linux' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('service.windowsOnly');
  });
});
