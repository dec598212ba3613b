// Running `calpump serve` as a Windows service, behind one small interface. Node cannot answer the Service
// Control Manager itself (a plain process started by sc.exe is killed after 30 s with error 1053), so a wrapper
// does: WinSW (MIT, one .exe + an XML file of the same name; Jenkins ships it), chosen over node-windows (latest
// release 0.1.14, unmaintained, bundles an old WinSW anyway) and NSSM (no release since 2017). The wrapper
// restarts the process on failure, captures its output into rolling logs in the service's log folder, and
// sets the environment (config folder, DPAPI machine scope). Status comes from `sc.exe query`, which every
// Windows has. Only `runner` touches Windows; tests use a fake runner and a temporary folder.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a Windows program (sc.exe, the WinSW wrapper, eventcreate.exe) and reports its exit code and output. */
export interface CommandRunner {
  run(file: string, args: string[]): Promise<CommandResult>;
}

export interface ServiceSpec {
  /** Service name (sc.exe name), e.g. "Calpump". */
  id: string;
  displayName: string;
  description: string;
  /** The program the service starts (node.exe or Calpump.exe) and its arguments. */
  executable: string;
  arguments: string[];
  workingDirectory: string;
  /** Where the wrapper writes the process's output (rolling) and its own log. */
  logDirectory: string;
  env: Record<string, string>;
  /** Windows account; default LocalSystem. A domain account needs its password at install (never stored by us). */
  account?: { username: string; password: string };
}

export type ServiceRunState = 'running' | 'stopped' | 'startPending' | 'stopPending' | 'paused' | 'unknown';

export interface ServiceStatus {
  installed: boolean;
  state?: ServiceRunState;
  /** sc.exe's own answer, as evidence. */
  evidence: string;
}

export interface ServiceManager {
  install(spec: ServiceSpec): Promise<void>;
  uninstall(id: string): Promise<void>;
  status(id: string): Promise<ServiceStatus>;
}

export class ServiceCommandError extends Error {
  constructor(
    readonly command: string,
    readonly result: CommandResult,
  ) {
    super(`${command} exited with ${result.code}: ${(result.stderr || result.stdout).trim().slice(0, 400)}`);
  }
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Quotes one argument for the Windows command line (CommandLineToArgvW rules), as WinSW passes <arguments> on. */
export function windowsArgument(arg: string): string {
  if (arg && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let slashes = 0;
  for (const ch of arg) {
    if (ch === '\\') slashes++;
    else if (ch === '"') {
      out += '\\'.repeat(slashes * 2 + 1) + '"';
      slashes = 0;
    } else {
      out += '\\'.repeat(slashes) + ch;
      slashes = 0;
    }
  }
  return `${out}${'\\'.repeat(slashes * 2)}"`;
}

/** The WinSW configuration for a spec (v2 schema): restart on failure, rolling logs, automatic start. */
export function winswXml(spec: ServiceSpec): string {
  const env = Object.entries(spec.env).map(([k, v]) => `  <env name="${xmlEscape(k)}" value="${xmlEscape(v)}"/>`);
  const account = spec.account
    ? [
        '  <serviceaccount>',
        `    <username>${xmlEscape(spec.account.username)}</username>`,
        `    <password>${xmlEscape(spec.account.password)}</password>`,
        '    <allowservicelogon>true</allowservicelogon>',
        '  </serviceaccount>',
      ]
    : [];
  return [
    '<service>',
    `  <id>${xmlEscape(spec.id)}</id>`,
    `  <name>${xmlEscape(spec.displayName)}</name>`,
    `  <description>${xmlEscape(spec.description)}</description>`,
    `  <executable>${xmlEscape(spec.executable)}</executable>`,
    `  <arguments>${xmlEscape(spec.arguments.map(windowsArgument).join(' '))}</arguments>`,
    `  <workingdirectory>${xmlEscape(spec.workingDirectory)}</workingdirectory>`,
    '  <startmode>Automatic</startmode>',
    '  <delayedAutoStart>true</delayedAutoStart>',
    '  <stoptimeout>30 sec</stoptimeout>',
    '  <onfailure action="restart" delay="10 sec"/>',
    '  <onfailure action="restart" delay="60 sec"/>',
    '  <resetfailure>1 hour</resetfailure>',
    `  <logpath>${xmlEscape(spec.logDirectory)}</logpath>`,
    '  <log mode="roll-by-size">',
    '    <sizeThreshold>10240</sizeThreshold>',
    '    <keepFiles>8</keepFiles>',
    '  </log>',
    ...env,
    ...account,
    '</service>',
    '',
  ].join('\n');
}

const STATES: Record<string, ServiceRunState> = {
  RUNNING: 'running',
  STOPPED: 'stopped',
  START_PENDING: 'startPending',
  STOP_PENDING: 'stopPending',
  PAUSED: 'paused',
};

/** Reads `sc.exe query <name>`: "STATE : 4  RUNNING"; exit code 1060 means the service does not exist. */
export function parseScQuery(result: CommandResult): ServiceStatus {
  const text = `${result.stdout}\n${result.stderr}`.trim();
  if (result.code === 1060 || /\b1060\b/.test(text)) return { installed: false, evidence: text };
  if (result.code !== 0) throw new ServiceCommandError('sc.exe query', result);
  const m = /STATE\s*:\s*\d+\s+(\w+)/.exec(text);
  return { installed: true, state: (m && STATES[m[1]]) ?? 'unknown', evidence: text };
}

export interface WinswOptions {
  /** The WinSW executable shipped with Calpump (copied next to the XML as <id>.exe, as WinSW expects). */
  winswExe: string;
  /** Folder that holds the wrapper and its XML (e.g. %ProgramData%\Calpump\service). */
  serviceDirectory: string;
  runner: CommandRunner;
}

export function winswServiceManager(o: WinswOptions): ServiceManager {
  const wrapper = (id: string) => join(o.serviceDirectory, `${id}.exe`);
  const run = async (file: string, args: string[], label: string) => {
    const r = await o.runner.run(file, args);
    if (r.code !== 0) throw new ServiceCommandError(label, r);
    return r;
  };
  return {
    async install(spec) {
      await mkdir(o.serviceDirectory, { recursive: true });
      await mkdir(spec.logDirectory, { recursive: true });
      await copyFile(o.winswExe, wrapper(spec.id));
      // The XML can hold a service account's password: WinSW reads it at install; it is removed right after.
      const xml = join(o.serviceDirectory, `${spec.id}.xml`);
      await writeFile(xml, winswXml(spec), { mode: 0o600 });
      await run(wrapper(spec.id), ['install'], `${spec.id}.exe install`);
      if (spec.account) await writeFile(xml, winswXml({ ...spec, account: { ...spec.account, password: '' } }), { mode: 0o600 });
      await run(wrapper(spec.id), ['start'], `${spec.id}.exe start`);
    },
    async uninstall(id) {
      const current = parseScQuery(await o.runner.run('sc.exe', ['query', id]));
      if (!current.installed) return;
      if (current.state !== 'stopped') await o.runner.run(wrapper(id), ['stop']);
      await run(wrapper(id), ['uninstall'], `${id}.exe uninstall`);
      await rm(wrapper(id), { force: true });
    },
    async status(id) {
      return parseScQuery(await o.runner.run('sc.exe', ['query', id]));
    },
  };
}
