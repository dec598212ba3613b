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
