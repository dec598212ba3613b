// `calpump service install|uninstall|status`: runs `calpump serve` as a Windows service through the WinSW
// wrapper (src/core/platform/service-manager.ts). The service keeps its own config folder (default
// %ProgramData%\Calpump), protects its secrets with DPAPI machine scope (CALPUMP_SECRET_SCOPE=machine), writes
// the wrapper's rolling logs to <config>\logs\service and copies errors to the Event Log (CALPUMP_EVENT_LOG=1).
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import { nodeCommandRunner } from '../../../core/platform/command-runner.js';
import { ServiceCommandError, winswServiceManager, type ServiceManager, type ServiceSpec } from '../../../core/platform/service-manager.js';
import type { CliContext } from '../context.js';

export const SERVICE_ID = 'Calpump';

export interface ServiceInstallOptions {
  configDir?: string;
  port?: string;
  winsw?: string;
}

/** Where a Windows service keeps its data by default: %ProgramData%\Calpump. */
export function serviceConfigDir(env: NodeJS.ProcessEnv): string {
  return join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Calpump');
}

/** The service definition: this Node and this CLI run `serve` with the service's config folder. */
export function serviceSpec(
  ctx: CliContext,
  o: ServiceInstallOptions,
  argv0 = process.execPath,
  script = process.argv[1] ?? '',
): ServiceSpec {
  const configDir = o.configDir ? resolve(ctx.io.cwd, o.configDir) : serviceConfigDir(ctx.io.env);
  const cliArgs = script ? [script] : [];
  return {
    id: SERVICE_ID,
    displayName: 'Calpump',
    description: 'Calpump calendar pump: runs the scheduled jobs and serves the UI on 127.0.0.1.',
    executable: argv0,
    arguments: [...cliArgs, '--config-dir', configDir, 'serve', '--port', o.port ?? '8470', '--no-open'],
    workingDirectory: configDir,
    logDirectory: join(configDir, 'logs', 'service'),
    env: { CALPUMP_CONFIG_DIR: configDir, CALPUMP_SECRET_SCOPE: 'machine', CALPUMP_EVENT_LOG: '1' },
  };
}

function windowsOnly(ctx: CliContext): void {
  if (ctx.io.platform !== 'win32') throw new CalpumpError('service.windowsOnly', { params: { platform: ctx.io.platform } });
}

function failed(e: unknown): never {
  if (e instanceof ServiceCommandError) {
    throw new CalpumpError('service.commandFailed', {
      params: { command: e.command, code: String(e.result.code) },
      evidence: e.message,
      cause: e,
    });
  }
  throw e;
}

const serviceConfigDirOption = () =>
  new Option('--service-config-dir <dir>', 'config folder of the service').default(undefined, '%ProgramData%\\Calpump');

export function register(program: Command, ctx: CliContext, manager?: (winsw: string | undefined) => ServiceManager): void {
  const managerFor = (winsw: string | undefined, configDir: string): ServiceManager => {
    if (manager) return manager(winsw);
    // Installing copies the shipped WinSW next to its XML; uninstall and status use that copy.
    const exe = winsw ?? ctx.io.env.CALPUMP_WINSW ?? join(configDir, 'service', `${SERVICE_ID}.exe`);
    return winswServiceManager({
      winswExe: resolve(ctx.io.cwd, exe),
      serviceDirectory: join(configDir, 'service'),
      runner: nodeCommandRunner(),
    });
  };
  const service = program.command('service').description('run `calpump serve` as a Windows service (install, uninstall, status)');
  service
    .command('install')
    .description('install and start the Windows service (run as administrator)')
    .addOption(serviceConfigDirOption())
    .option('--port <n>', 'port of the UI on 127.0.0.1', '8470')
    .addOption(new Option('--winsw <exe>', 'the WinSW executable shipped with Calpump').default(undefined, '$CALPUMP_WINSW'))
    .action(async (opts: { serviceConfigDir?: string; port: string; winsw?: string }) => {
      windowsOnly(ctx);
      const spec = serviceSpec(ctx, { configDir: opts.serviceConfigDir, port: opts.port, winsw: opts.winsw });
      await managerFor(opts.winsw, spec.workingDirectory).install(spec).catch(failed);
      ctx.out(ctx.t('serviceInstalled', { id: spec.id, logs: spec.logDirectory, dir: spec.workingDirectory }));
    });
  service
    .command('uninstall')
    .description('stop and remove the Windows service (its configuration folder stays)')
    .addOption(serviceConfigDirOption())
    .action(async (opts: { serviceConfigDir?: string }) => {
      windowsOnly(ctx);
      const spec = serviceSpec(ctx, { configDir: opts.serviceConfigDir });
      await managerFor(undefined, spec.workingDirectory).uninstall(SERVICE_ID).catch(failed);
      ctx.out(ctx.t('serviceRemoved', { id: SERVICE_ID, dir: spec.workingDirectory }));
    });
  service
    .command('status')
    .description('whether the Windows service is installed and running')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      windowsOnly(ctx);
      const spec = serviceSpec(ctx, {});
      const s = await managerFor(undefined, spec.workingDirectory).status(SERVICE_ID).catch(failed);
      if (opts.json) return ctx.json({ service: SERVICE_ID, ...s });
      ctx.out(
        s.installed ? ctx.t('serviceState', { id: SERVICE_ID, state: s.state ?? 'unknown' }) : ctx.t('serviceMissing', { id: SERVICE_ID }),
      );
    });
}
