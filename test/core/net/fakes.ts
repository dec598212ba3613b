// Small fakes shared by the net and EWS tests: an in-memory SecretStore and a logger that keeps records.
import type { Logger, LogRecord } from '../../../src/core/log/logger.js';
import type { SecretStore } from '../../../src/core/secrets/secret-store.js';

export function memorySecrets(initial: Record<string, string> = {}): SecretStore {
  const m = new Map(Object.entries(initial));
  return {
    get: async (k) => m.get(k),
    set: async (k, v) => void m.set(k, v),
    delete: async (k) => void m.delete(k),
    keys: async () => [...m.keys()],
  };
}

export interface RecordingLogger extends Logger {
  records: LogRecord[];
  /** Everything logged, serialised: tests search it for secrets that must not be there. */
  text(): string;
}

export function recordingLogger(records: LogRecord[] = [], bound: Record<string, unknown> = {}): RecordingLogger {
  const at =
    (level: LogRecord['level']) =>
    (event: string, fields: Record<string, unknown> = {}) =>
      void records.push({ time: new Date().toISOString(), level, event, fields: { ...bound, ...fields } });
  return {
    records,
    text: () => JSON.stringify(records),
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    trace: at('trace'),
    child: (fields) => recordingLogger(records, { ...bound, ...fields }),
  };
}
