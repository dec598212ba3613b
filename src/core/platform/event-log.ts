// Failures where Windows administrators look: the Application event log, source "Calpump". Written with
// eventcreate.exe (part of Windows; it registers the source the first time, which needs the rights a service
// running as LocalSystem has). One small interface; tests use a fake runner.
import type { LogRecord } from '../log/logger.js';
import type { LogSink } from '../log/sinks.js';
import type { CommandRunner } from './service-manager.js';

export interface EventLog {
  /** An error entry; `eventId` 1..1000 (eventcreate's range) groups entries of one kind. */
  error(message: string, eventId: number): Promise<void>;
}

export const EVENT_SOURCE = 'Calpump';

export function windowsEventLog(runner: CommandRunner, source = EVENT_SOURCE): EventLog {
  return {
    async error(message, eventId) {
      const id = Math.min(1000, Math.max(1, Math.round(eventId)));
      // eventcreate takes the text as one argument; it refuses more than 32 KB and line breaks read badly.
      const text = message.replace(/\s+/g, ' ').trim().slice(0, 4000) || 'error';
      const r = await runner.run('eventcreate.exe', ['/L', 'APPLICATION', '/T', 'ERROR', '/SO', source, '/ID', String(id), '/D', text]);
      if (r.code !== 0) throw new Error(`eventcreate.exe exited with ${r.code}: ${(r.stderr || r.stdout).trim()}`);
    },
  };
}

/**
 * A log sink that copies error records to the Event Log (the service sets CALPUMP_EVENT_LOG=1). The records it
 * sees are already redacted by the logger; writing is fire-and-forget, and a failing Event Log never stops the
 * service (the log file keeps everything).
 */
export function eventLogSink(log: EventLog): LogSink {
  return {
    level: 'error',
    write(record: LogRecord) {
      if (record.level !== 'error') return;
      const detail = JSON.stringify(record.fields).slice(0, 3000);
      void log.error(`${record.event} ${detail}`, 100).catch(() => undefined);
    },
  };
}
