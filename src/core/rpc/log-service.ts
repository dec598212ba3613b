// The UI's log view: a sink that keeps the latest records (already redacted by the logger) and forwards each
// to the clients as a log.line event; export hands out the redacted log file.
import { readFile } from 'node:fs/promises';
import type { LogRecord } from '../log/logger.js';
import { LEVEL_RANK, type LogSink, type RecordLevel } from '../log/sinks.js';
import type { LogLine } from '../../shared/rpc.js';
import type { EventHub } from './event-hub.js';
import type { LogService } from './services.js';

const MAX_EXPORT_BYTES = 5 * 1024 * 1024;

export class RecentLogSink implements LogSink, LogService {
  private readonly ring: LogLine[] = [];

  constructor(
    readonly level: RecordLevel,
    private readonly opts: { keep?: number; events?: EventHub; file?: string } = {},
  ) {}

  write(record: LogRecord): void {
    const line: LogLine = { time: record.time, level: record.level, event: record.event, fields: record.fields };
    this.ring.push(line);
    if (this.ring.length > (this.opts.keep ?? 2000)) this.ring.shift();
    this.opts.events?.emit('log.line', line);
  }

  async tail(lines: number, level?: string): Promise<LogLine[]> {
    const max = level ? LEVEL_RANK[(level === 'all' ? 'trace' : level) as RecordLevel] : LEVEL_RANK.trace;
    return this.ring.filter((l) => LEVEL_RANK[l.level] <= max).slice(-lines);
  }

  async exportText(): Promise<{ fileName: string; content: string }> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let content: string | undefined;
    if (this.opts.file) {
      content = await readFile(this.opts.file, 'utf8').catch(() => undefined);
      if (content && content.length > MAX_EXPORT_BYTES) content = content.slice(content.length - MAX_EXPORT_BYTES);
    }
    content ??= this.ring.map((l) => JSON.stringify(l)).join('\n') + '\n';
    return { fileName: `calpump-log-${stamp}.jsonl`, content };
  }
}
