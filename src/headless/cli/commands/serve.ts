// `calpump serve`: the desktop UI in a browser, over http://127.0.0.1, with the scheduler running. Prints a URL
// with a session token; `--demo` adds a simulated Exchange with a ready profile and job.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { demoCommands } from '../demo-commands.js';
import { positiveInt } from './parse.js';
import { waitForStop } from '../../../core/process/wait-for-stop.js';

interface ServeFlags {
  port: number;
  host?: string;
  token?: string;
  demo?: boolean;
  open?: boolean;
  build: boolean;
  uiDir?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('open the Calpump UI in a browser (http://127.0.0.1 with a session token) and run the scheduled jobs')
    .option('--port <n>', 'port (0 = any free port)', positiveInt('--port', { allowZero: true }), 8470)
    .option('--host <host>', 'address to listen on; anything but loopback needs --token', '127.0.0.1')
    .addOption(
      new Option('--token <token>', 'fixed session token, at least 16 characters').default(
        undefined,
        '$CALPUMP_SERVE_TOKEN, else a new random one each start',
      ),
    )
    .option('--demo', 'also start the Exchange simulator with a ready demo profile and job')
    .option('--open', 'open the URL in the default browser')
    .option('--no-build', 'do not build the UI when dist/renderer is missing')
    .addOption(new Option('--ui-dir <dir>', 'serve the UI from this folder').default(undefined, 'dist/renderer'))
    .action(async (flags: ServeFlags, cmd: Command) => {
      const { runServe } = await import('../../serve/run-serve.js');
      const explicitDir = !!(cmd.optsWithGlobals() as { configDir?: string }).configDir || !!ctx.io.env.CALPUMP_CONFIG_DIR;
      // A demo never touches the real configuration unless a folder was named on purpose.
      const throwAway = flags.demo && !explicitDir;
      const configDir = throwAway ? await mkdtemp(join(tmpdir(), 'calpump-serve-demo-')) : ctx.configDir;
      const running = await runServe({
        configDir,
        host: flags.host,
        port: flags.port,
        token: flags.token,
        demo: flags.demo,
        build: flags.build,
        uiDir: flags.uiDir ? ctx.resolvePath(flags.uiDir) : undefined,
        env: ctx.io.env,
        lang: ctx.lang,
        version: await packageVersion(),
        log: (line) => ctx.err(line),
        console: { write: (c) => ctx.io.stderr.write(c) },
      });
      const lines = ['', 'Calpump is running. Open this address in a browser on this computer:', '', `  ${running.url}`, ''];
      lines.push(
        'The token in the address is the key to this session; do not share it.',
        `Config folder: ${configDir}${throwAway ? ' (throw-away, removed on exit)' : ''}`,
      );
      lines.push(`Read-only feeds of folder-target jobs (for door signs and displays): ${running.feedsUrl}`);
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
      if (flags.open) void (await import('../../serve/open-browser.js')).openInSystemBrowser(running.url, ctx.io.platform);
      await waitForStop(ctx.io.signal);
      await running.stop();
      if (throwAway) await rm(configDir, { recursive: true, force: true });
    });
}

async function packageVersion(): Promise<string> {
  const { PACKAGE_ROOT } = await import('../../serve/ui-build.js');
  try {
    return (JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
