// Live log tail for the Logs screen: a bounded ring of records (the UI must not grow without limit while a
// job logs for hours), a level threshold and a text search. Records arrive already redacted by the logger.
export type LogRecordLevel = 'error' | 'warn' | 'info' | 'debug' | 'trace';
export type LogFilterLevel = 'error' | 'warn' | 'info' | 'debug' | 'all';

export interface LogLine {
  time: string;
  level: LogRecordLevel;
  event: string;
  fields: Record<string, unknown>;
}

const RANK: Record<LogRecordLevel, number> = { error: 0, warn: 1, info: 2, debug: 3, trace: 4 };
const THRESHOLD: Record<LogFilterLevel, number> = { error: 0, warn: 1, info: 2, debug: 3, all: 4 };

export const LOG_FILTER_LEVELS: readonly LogFilterLevel[] = ['error', 'warn', 'info', 'debug', 'all'];

interface Entry {
  line: LogLine;
  seq: number;
  /** Lower-cased "event fields…" for search, built once per line. */
  text: string;
}

export function formatFields(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

export class LogViewModel {
  private ring: Entry[] = [];
  private seq = 0;
  private level: LogFilterLevel = 'info';
  private search = '';

  constructor(private readonly capacity = 5000) {}

  append(lines: readonly LogLine[]): void {
    for (const line of lines) {
      this.ring.push({ line, seq: this.seq++, text: `${line.event} ${formatFields(line.fields)}`.toLowerCase() });
    }
    const over = this.ring.length - this.capacity;
    if (over > 0) this.ring.splice(0, over);
  }

  clear(): void {
    this.ring = [];
  }

  setLevel(level: LogFilterLevel): void {
    this.level = level;
  }

  setSearch(text: string): void {
    this.search = text.trim().toLowerCase();
  }

  get size(): number {
    return this.ring.length;
  }

  /** Lines passing the level and the search, oldest first, each with a stable key for list rendering. */
  visible(): Array<{ key: number; line: LogLine }> {
    const max = THRESHOLD[this.level];
    const q = this.search;
    const out: Array<{ key: number; line: LogLine }> = [];
    for (const e of this.ring) {
      if (RANK[e.line.level] > max) continue;
      if (q && !e.text.includes(q)) continue;
      out.push({ key: e.seq, line: e.line });
    }
    return out;
  }

  /** What "Export" saves: the visible lines as JSON Lines, one record per line. */
  exportText(): string {
    return this.visible()
      .map(({ line }) => JSON.stringify(line))
      .join('\n')
      .concat(this.ring.length ? '\n' : '');
  }
}
