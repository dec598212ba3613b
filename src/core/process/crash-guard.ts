// Long-running hosts (`calpump serve`, the desktop app) must outlive any one job: a promise nobody awaited or an
// exception thrown from a callback is logged as a catalogue error (internal.unexpected, with the stack in the log
// file) and the process keeps serving. Bugs are not hidden: each one is an error record in the log and a line on
// the host's console; nothing is swallowed silently.
import { CalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';

export const UNEXPECTED_EVENT = 'process.unexpected';

export interface CrashGuardOptions {
  logger: Logger;
  /** One line for the person watching the host (the serve console); the log file gets the full record. */
  say?: (line: string) => void;
  /** Default: the current process. */
  proc?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export interface CrashGuard {
  /** How many unexpected errors were caught since install (tests, diagnostics). */
  readonly caught: number;
  uninstall(): void;
}

function textOf(reason: unknown): string {
  if (reason instanceof Error) return reason.message || reason.name;
  return typeof reason === 'string' ? reason : String(reason);
}

export function installCrashGuard(opts: CrashGuardOptions): CrashGuard {
  const proc = opts.proc ?? process;
  let caught = 0;
  const report = (kind: 'unhandledRejection' | 'uncaughtException', reason: unknown) => {
    caught += 1;
    const err =
      reason instanceof CalpumpError
        ? reason
        : new CalpumpError('internal.unexpected', { params: { text: textOf(reason) }, cause: reason });
    try {
      opts.logger.error(UNEXPECTED_EVENT, { kind, errorId: err.id, text: err.params.text ?? err.message, err: reason });
      const shown = err.render();
      opts.say?.(`${shown.title} (${err.id}, ${kind}): ${shown.message}`);
    } catch {
      // Reporting must never become the next uncaught exception.
    }
  };
  const onRejection = (reason: unknown) => report('unhandledRejection', reason);
  const onException = (error: unknown) => report('uncaughtException', error);
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return {
    get caught() {
      return caught;
    },
    uninstall() {
      proc.off('unhandledRejection', onRejection);
      proc.off('uncaughtException', onException);
    },
  };
}
