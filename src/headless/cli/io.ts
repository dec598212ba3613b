// What the CLI touches outside itself: streams, environment, clock. main() takes these from a context object so
// tests drive it in-process with their own streams and stdin, without patching `process`.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Dpapi } from '../../core/platform/dpapi.js';

export interface TextOut {
  write(chunk: string): unknown;
}

export type CliStdin = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export interface CliIo {
  stdout: TextOut;
  stderr: TextOut;
  stdin: CliStdin;
  env: NodeJS.ProcessEnv;
  cwd: string;
  platform: NodeJS.Platform;
  homedir: string;
  now: () => Date;
  /** Aborted on Ctrl+C for long-running commands (sim). */
  signal?: AbortSignal;
  /** Windows DPAPI for the secret store (default: this machine's; tests pass a fake, or null for none). */
  dpapi?: Dpapi | null;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    homedir: homedir(),
    now: () => new Date(),
  };
}

/** %APPDATA%\Calpump on Windows, $XDG_CONFIG_HOME/calpump or ~/.config/calpump elsewhere. */
export function defaultConfigDir(io: Pick<CliIo, 'env' | 'platform' | 'homedir'>): string {
  if (io.env.CALPUMP_CONFIG_DIR) return io.env.CALPUMP_CONFIG_DIR;
  if (io.platform === 'win32') return join(io.env.APPDATA ?? join(io.homedir, 'AppData', 'Roaming'), 'Calpump');
  return join(io.env.XDG_CONFIG_HOME || join(io.homedir, '.config'), 'calpump');
}
