// Calpump.exe as the command line: `Calpump.exe --calpump-cli <calpump arguments>` runs the CLI inside the packaged
// app's main process (no window, no tray, no single-instance lock) and exits with its code. The per-machine
// installer uses it to register the Windows service, and the service runs `Calpump.exe --calpump-cli serve`: the
// packaged app has no node.exe beside it (and its RunAsNode fuse is off), and its native modules are built for
// Electron. It runs only Calpump's own commands, as the user who started it — what the app itself could do.
export const CLI_SWITCH = '--calpump-cli';

/** The CLI's arguments when the process was started as the command line, else undefined. */
export function cliArguments(argv: readonly string[]): string[] | undefined {
  // argv[0] is Calpump.exe; in development (`electron . --calpump-cli …`) argv[1] is the app folder.
  const at = argv.indexOf(CLI_SWITCH);
  return at === 1 || at === 2 ? argv.slice(at + 1) : undefined;
}

export interface CliHost {
  exit(code: number): void;
}

type CliMain = (argv: string[]) => Promise<number>;

/** Runs the CLI and ends the process with its exit code (a failure to load it is exit code 1). */
export async function runCliHost(
  host: CliHost,
  args: string[],
  load: () => Promise<{ main: CliMain }> = () => import('../headless/cli/main.js'),
) {
  let code = 1;
  try {
    code = await (await load()).main(args);
  } catch (e) {
    console.error('Calpump could not run the command line:', e instanceof Error ? e.message : e);
  }
  host.exit(code);
}
