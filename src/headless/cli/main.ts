// `calpump` entry point. main() never throws and never calls process.exit: it returns the exit code
// (0 ok, 1 the operation failed, 2 bad usage or bad input) so bin/calpump.js and tests treat it the same.
import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { CalpumpError } from '../../core/errors/calpump-error.js';
import { describeIssue } from '../../core/store/zod-issues.js';
import { logLevelSchema } from '../../shared/profile.js';
import * as commandModules from './commands/index.js';
import { CLI_FAILED_EVENT, CliContext, type CliServices, type GlobalOptions } from './context.js';
import { processIo, type CliIo } from './io.js';
import { translate } from '../../shared/i18n/index.js';
import { packageVersion } from '../package-root.js';
import { configureCliHelp } from './cli-help.js';
import { renderError } from '../../shared/i18n/catalogue.js';
import { renderErrorInfo } from './render/error.js';
import { defaultServices } from './services.js';

export type MainOverrides = Partial<CliIo> & Partial<CliServices>;

/** Catalogue ids that mean "the input was wrong" rather than "the operation failed". */
const BAD_INPUT_IDS = new Set(['input.invalid', 'export.fields.unknown']);

export async function main(argv: string[], overrides: MainOverrides = {}): Promise<number> {
  const io: CliIo = {
    ...processIo(),
    ...pick(overrides, ['stdout', 'stderr', 'stdin', 'env', 'cwd', 'platform', 'homedir', 'now', 'signal', 'dpapi']),
  };
  const services: CliServices = {
    ...defaultServices,
    ...pick(overrides, ['createConnector', 'createWriter', 'runAdhocExport', 'runSimCommand']),
  };
  const ctx = new CliContext(io, services);
  ctx.configure({});
  const program = buildProgram(ctx);
  let json = false;
  program.hook('preAction', (_root, action) => {
    const opts = action.optsWithGlobals<GlobalOptions & { json?: boolean }>();
    json = !!opts.json;
    ctx.configure(opts);
    for (const [old, now] of ctx.deprecations) ctx.err(`! ${translate(ctx.lang, 'cli.deprecatedFlag', { old, new: now })}`);
    ctx.logger.debug('cli.command', { command: commandPath(action) });
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return usageExit(e, ctx);
    return reportError(e, ctx, json);
  }
}

export function buildProgram(ctx: CliContext): Command {
  const program = configureCliHelp(new Command('calpump'))
    .description(
      'Browse Exchange / Microsoft 365 mailboxes and calendars, diagnose setup, and pump calendars out (exports, free/busy, presence) or in (imports, two-way rules), once or on a schedule.',
    )
    .addOption(
      new Option('--config-dir <dir>', 'folder with profiles, jobs, secrets and logs').default(
        undefined,
        '$CALPUMP_CONFIG_DIR, else %APPDATA%\\Calpump or ~/.config/calpump',
      ),
    )
    .addOption(new Option('--log-level <level>', 'log detail on stderr and in the log file').choices(logLevelSchema.options))
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['en', 'de', 'nl']))
    .version(packageVersion(), '--version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.stdout.write(s), writeErr: (s) => ctx.io.stderr.write(s) })
    .showSuggestionAfterError(true);
  // By name: a module namespace's key order differs between Node, tsx and vitest; help and docs must not.
  const modules = Object.entries(commandModules).sort(([a], [b]) => a.localeCompare(b));
  for (const [, mod] of modules) mod.register(program, ctx);
  return program;
}

/** The command tree over inert IO, for reading the definitions (the help-rules test, the generated CLI reference). */
export function commandTree(): { program: Command; ctx: CliContext } {
  const sink = { write: () => true };
  const io: CliIo = {
    ...processIo(),
    stdout: sink,
    stderr: sink,
    env: {},
    homedir: '/nonexistent',
    platform: 'linux',
  };
  const ctx = new CliContext(io, defaultServices);
  ctx.configure({});
  return { program: buildProgram(ctx), ctx };
}

function usageExit(e: CommanderError, ctx: CliContext): number {
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || (e.code === 'commander.help' && e.exitCode === 0)) return 0;
  if (e.code !== 'commander.help') ctx.io.stderr.write('Run `calpump help <command>` (or add --help) to see the options.\n');
  return 2;
}

function reportError(e: unknown, ctx: CliContext, json: boolean): number {
  let err: CalpumpError;
  if (e instanceof CalpumpError) err = e;
  else if (e instanceof z.ZodError) err = new CalpumpError('input.invalid', { params: describeIssue(e) });
  else {
    const text = ctx.redactor.string(e instanceof Error ? e.message : String(e));
    err = new CalpumpError('internal.unexpected', { params: { text }, cause: e });
  }
  const info = err.info();
  // Log first: the file keeps the stack and cause for support even when the terminal shows only the entry.
  ctx.logger.error(CLI_FAILED_EVENT, { errorId: err.id, err: err.cause ?? err });
  ctx.err(renderErrorInfo(info, ctx));
  const verbose = ctx.logLevel === 'debug' || ctx.logLevel === 'all';
  if (err.id === 'internal.unexpected' && verbose && err.cause instanceof Error && err.cause.stack) ctx.err(err.cause.stack);
  if (json) {
    const evidence = info.evidence && ctx.redactor.string(info.evidence);
    ctx.json({ ok: false, error: { ...renderError(info, ctx.lang), params: info.params, ...(evidence ? { evidence } : {}) } });
  }
  return BAD_INPUT_IDS.has(err.id) ? 2 : 1;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
