// Structured logger contract: one event name + fields. Redaction of secrets happens inside the logger
// implementation, never at call sites (CONVENTIONS.md #11).
import type { LogLevel } from '../../shared/profile.js';

export interface LogRecord {
  time: string;
  level: Exclude<LogLevel, 'all'> | 'trace';
  event: string;
  fields: Record<string, unknown>;
}

export interface Logger {
  error(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  debug(event: string, fields?: Record<string, unknown>): void;
  /** 'all' level: wire traces (SOAP bodies, HTTP headers) — redacted like everything else. */
  trace(event: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
  /**
   * Scrubs this exact value from everything logged from now on (call it when a password or token is read).
   * Optional so simple fakes stay simple; call through registerSecret() below.
   */
  registerSecret?(value: string | undefined): void;
}

/** Registers a secret with any logger that supports it. */
export function registerSecret(logger: Logger, value: string | undefined): void {
  logger.registerSecret?.(value);
}

export const nullLogger: Logger = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  trace() {},
  child() {
    return nullLogger;
  },
};

/** A logger whose five level methods all go to `emit` (the loggers this project builds differ only in it). */
export function loggerOf<L extends Logger>(
  emit: (level: LogRecord['level'], event: string, fields?: Record<string, unknown>) => void,
  child: (fields: Record<string, unknown>) => L,
  registerSecret: (value: string | undefined) => void,
): Logger & { child(fields: Record<string, unknown>): L; registerSecret(value: string | undefined): void } {
  return {
    error: (e, f) => emit('error', e, f),
    warn: (e, f) => emit('warn', e, f),
    info: (e, f) => emit('info', e, f),
    debug: (e, f) => emit('debug', e, f),
    trace: (e, f) => emit('trace', e, f),
    child,
    registerSecret,
  };
}
