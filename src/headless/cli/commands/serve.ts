// `calpump serve`: the desktop UI in a browser, over http://127.0.0.1, with the scheduler running. Prints a URL
// with a session token; `--demo` adds a simulated Exchange with a ready profile and job.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { DEMO_ACCOUNT, demoCommands } from '../demo-commands.js';
import { positiveInt } from './parse.js';
import { installCrashGuard } from '../../../core/process/crash-guard.js';
import { waitForStop } from '../../../core/process/wait-for-stop.js';
import { packageVersion } from '../../package-root.js';

/** How many ports after the default 8470 serve tries when it is taken. */
const DEFAULT_PORT_FALLBACK = 20;

interface ServeFlags {
  port: number;
  host?: string;
  token?: string;
  demo?: boolean;
  demoData: boolean;
  open?: boolean;
  build: boolean;
  uiDir?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('open the Calpump UI in a browser (http://127.0.0.1 with a session token) and run the scheduled jobs')
    .option(
      '--port <n>',
      'port (0 = any free port; the default moves to the next free one when taken)',
      positiveInt('--port', { allowZero: true }),
      8470,
    )
    .option('--host <host>', 'address to listen on; anything but loopback needs --token', '127.0.0.1')
    .addOption(
      new Option('--token <token>', 'fixed session token, at least 16 characters').default(
        undefined,
        '$CALPUMP_SERVE_TOKEN, else a new random one each start',
      ),
    )
    .option('--demo', 'also start the Exchange simulator with a ready demo profile and job')
    .option('--no-demo-data', 'with --demo: no ready profile and job, so the set-up assistant starts from an empty configuration')
    .option('--open', 'open the URL in the default browser')
    .option('--no-build', 'do not build the UI when dist/renderer is missing')
    .addOption(new Option('--ui-dir <dir>', 'serve the UI from this folder').default(undefined, 'dist/renderer'))
    .action(async (flags: ServeFlags, cmd: Command) => {
      const { runServe } = await import('../../serve/run-serve.js');
      const explicitDir = !!cmd.optsWithGlobals<{ configDir?: string }>().configDir || !!ctx.io.env.CALPUMP_CONFIG_DIR;
      // A demo never touches the real configuration unless a folder was named on purpose.
      const throwAway = flags.demo && !explicitDir;
      const configDir = throwAway ? await mkdtemp(join(tmpdir(), 'calpump-serve-demo-')) : ctx.configDir;
      // A failed start leaves no throw-away folder (with its secret key) behind.
      const removeThrowAway = async () => (throwAway ? rm(configDir, { recursive: true, force: true }) : undefined);
      const running = await runServe({
        configDir,
        host: flags.host,
        port: flags.port,
        // Only the default port moves on when taken (`npm run demo` twice); a port asked for is that port or an error.
        portFallback: cmd.getOptionValueSource('port') === 'default' ? DEFAULT_PORT_FALLBACK : 0,
        token: flags.token,
        demo: flags.demo,
        demoData: flags.demoData,
        build: flags.build,
        uiDir: flags.uiDir ? ctx.resolvePath(flags.uiDir) : undefined,
        env: ctx.io.env,
        lang: ctx.lang,
        version: packageVersion(),
        log: (line) => ctx.err(line),
        console: { write: (c) => ctx.io.stderr.write(c) },
      }).catch(async (e: unknown) => {
        await removeThrowAway();
        throw e;
      });
      const lines = ['', 'Calpump is running. Open this address in a browser on this computer:', '', `  ${running.url}`, ''];
      lines.push(
        'The token in the address is the key to this session; do not share it.',
        `Config folder: ${configDir}${throwAway ? ' (throw-away, removed on exit)' : ''}`,
      );
      lines.push(`Read-only feeds of folder-target jobs (for door signs and displays): ${running.feedsUrl}`);
      if (running.sim && !running.demo) {
        lines.push(
          '',
          `Demo: a simulated Exchange runs at ${running.sim.ewsUrl}, with no profile or job yet.`,
          `  Open the set-up assistant and type ${DEMO_ACCOUNT.username} with the password ${DEMO_ACCOUNT.password}.`,
        );
      }
      if (running.sim && running.demo) {
        lines.push(
          '',
          `Demo: a simulated Exchange runs at ${running.sim.ewsUrl}`,
          `  profile "Demo Exchange" and job "Demo calendars" are ready; exports go to ${running.demo.outDir}`,
          '',
          'The same simulator from the command line (another terminal):',
          '',
        );
        demoCommands({ configDir, ewsUrl: running.sim.ewsUrl, caFile: running.sim.caFile }).forEach((c, i) =>
          lines.push(`# ${i + 1}. ${c.title}`, c.line, ''),
        );
      }
      lines.push('Press Ctrl+C to stop.', '');
      ctx.out(lines.join('\n'));
      // Whatever one job's server sends, the UI and the other jobs keep running: a stray failure is logged.
      const guard = installCrashGuard({ logger: running.core.logger, say: (line) => ctx.err(line) });
      if (flags.open) void (await import('../../serve/open-browser.js')).openInSystemBrowser(running.url, ctx.io.platform);
      await waitForStop(ctx.io.signal);
      guard.uninstall();
      await running.stop();
      await removeThrowAway();
    });
}
