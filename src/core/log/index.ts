export type { Logger, LogRecord } from './logger.js';
export { nullLogger, registerSecret } from './logger.js';
export { createLogger, toRecordLevel, type CalpumpLogger, type CreateLoggerOptions } from './create-logger.js';
export { Redactor, REDACTED } from './redact.js';
export { MemorySink, RotatingFileSink, TextStreamSink, type LogSink } from './sinks.js';
