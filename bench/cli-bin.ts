// The prebuilt CLI as the bench rows that time it as a process run it: built when it is not current, and a
// profile added through it the way an administrator adds one (password on stdin).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildCli } from '../scripts/build-cli.mjs';
import { currentBundle } from '../scripts/cli-bundle.mjs';
import { ROOT } from './lib.js';

export const BIN = join(ROOT, 'bin', 'calpump.js');

/** Builds dist/cli when it is missing or older than the sources; fails loudly when it still is not current. */
export async function ensureCliBundle(): Promise<void> {
  if (!currentBundle()) await buildCli({ quiet: true });
  if (!currentBundle()) throw new Error('dist/cli is not current after building it');
}

/** `calpump profiles add --name bench …` with the demo password on stdin; throws with the CLI's words on failure. */
export function addBenchProfile(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const add = spawnSync(process.execPath, [BIN, ...withProfileAdd(args)], {
    input: 'Passw0rd!\n',
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (add.status !== 0) throw new Error(`profiles add failed: ${add.stderr}`);
}

function withProfileAdd(args: string[]): string[] {
  // Global options (--config-dir DIR) go before the command.
  const at = args.indexOf('--config-dir');
  const global = at >= 0 ? args.slice(at, at + 2) : [];
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  return [...global, 'profiles', 'add', '--name', 'bench', '--password-stdin', ...rest];
}
