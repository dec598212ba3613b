// The UI's log view: a sink that keeps the latest records (already redacted by the logger) and forwards each
// to the clients as a log.line event; export hands out the redacted log file.
import { open, readFile } from 'node:fs/promises';
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

  /** Loads the end of the log file so the view shows what happened before this start too. */
  async seedFromFile(maxBytes = 256 * 1024): Promise<void> {
    if (!this.opts.file) return;
    let text = '';
    try {
      const fh = await open(this.opts.file, 'r');
      try {
        const { size } = await fh.stat();
        const start = Math.max(0, size - maxBytes);
        const buf = Buffer.alloc(size - start);
        await fh.read(buf, 0, buf.length, start);
        text = buf.toString('utf8');
        if (start > 0) text = text.slice(text.indexOf('\n') + 1); // drop the partial first line
      } finally {
        await fh.close();
      }
    } catch {
      return;
    }
    const seeded: LogLine[] = [];
    for (const line of text.split('\n')) {
      try {
        const r = JSON.parse(line) as LogRecord;
        if (typeof r.time === 'string' && typeof r.event === 'string' && r.level in LEVEL_RANK)
          seeded.push({ time: r.time, level: r.level, event: r.event, fields: r.fields ?? {} });
      } catch {
        // not a record
      }
    }
    this.ring.unshift(...seeded.slice(-(this.opts.keep ?? 2000)));
    if (this.ring.length > (this.opts.keep ?? 2000)) this.ring.splice(0, this.ring.length - (this.opts.keep ?? 2000));
  }

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
