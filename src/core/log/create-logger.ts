// The Logger implementation: level gate, redaction of every record (field names, header values, XML elements,
// query parameters, and runtime-registered secret values), then fan-out to sinks.
import type { LogLevel } from '../../shared/profile.js';
import { loggerOf, type Logger, type LogRecord } from './logger.js';
import { Redactor } from './redact.js';
import { LEVEL_RANK, type LogSink, type RecordLevel } from './sinks.js';

export interface CalpumpLogger extends Logger {
  /** Scrub this value from everything logged by this logger and all its children from now on. */
  registerSecret(value: string | undefined): void;
  child(fields: Record<string, unknown>): CalpumpLogger;
}

export interface CreateLoggerOptions {
  sinks: LogSink[];
  /** Overall gate; sinks may be stricter. Default 'info'. */
  level?: LogLevel;
  fields?: Record<string, unknown>;
  now?: () => Date;
  redactor?: Redactor;
}

export function toRecordLevel(level: LogLevel): RecordLevel {
  return level === 'all' ? 'trace' : level;
}

export function createLogger(opts: CreateLoggerOptions): CalpumpLogger {
  const redactor = opts.redactor ?? new Redactor();
  const gate = LEVEL_RANK[toRecordLevel(opts.level ?? 'info')];
  const now = opts.now ?? (() => new Date());
  const stacks = gate >= LEVEL_RANK.debug;

  const build = (base: Record<string, unknown>): CalpumpLogger => {
    const emit = (level: RecordLevel, event: string, fields: Record<string, unknown> = {}) => {
      const rank = LEVEL_RANK[level];
      if (rank > gate) return;
      const targets = opts.sinks.filter((s) => rank <= LEVEL_RANK[s.level]);
      if (targets.length === 0) return;
      const record: LogRecord = {
        time: now().toISOString(),
        level,
        event: redactor.string(event),
        fields: redactor.value({ ...base, ...fields }, { stacks }) as Record<string, unknown>,
      };
      for (const sink of targets) sink.write(record);
    };
    return loggerOf(
      emit,
      (fields) => build({ ...base, ...fields }),
      (value) => redactor.register(value),
    );
  };
  return build(opts.fields ?? {});
}
