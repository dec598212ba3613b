// Where log records go: a JSON-lines file that rotates by size (for support), and a short human line on a
// stream (stderr in the CLI). Sinks receive records that are already redacted.
import { appendFileSync, chmodSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogRecord } from './logger.js';

export type RecordLevel = LogRecord['level'];
export const LEVEL_RANK: Record<RecordLevel, number> = { error: 0, warn: 1, info: 2, debug: 3, trace: 4 };

export interface LogSink {
  /** The most verbose level this sink wants. */
  readonly level: RecordLevel;
  write(record: LogRecord): void;
}

export interface RotatingFileSinkOptions {
  path: string;
  level: RecordLevel;
  /** Rotate when the file would grow past this (default 5 MB). */
  maxBytes?: number;
  /** How many rotated files to keep: calpump.log.1 … .N (default 3). */
  keep?: number;
}

/**
 * Synchronous appends: a CLI process may exit right after logging its failure, and losing that line would
 * defeat the log's purpose. Volume is modest except at level "all", which is a deliberate debugging choice.
 */
export class RotatingFileSink implements LogSink {
  readonly level: RecordLevel;
  private readonly path: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private size = -1;
  private broken = false;

  constructor(opts: RotatingFileSinkOptions) {
    this.path = opts.path;
    this.level = opts.level;
    this.maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
    this.keep = opts.keep ?? 3;
  }

  write(record: LogRecord): void {
    if (this.broken) return;
    const line = `${JSON.stringify(record)}\n`;
    try {
      if (this.size < 0) this.size = currentSize(this.path);
      if (this.size > 0 && this.size + line.length > this.maxBytes) this.rotate();
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      appendFileSync(this.path, line, { mode: 0o600 });
      if (this.size === 0 && process.platform !== 'win32') chmodSync(this.path, 0o600);
      this.size += Buffer.byteLength(line);
    } catch {
      // Logging must never take the program down (full disk, read-only folder); stop trying after one failure.
      this.broken = true;
    }
  }

  private rotate(): void {
    rmSync(`${this.path}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      try {
        renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
      } catch {
        // a missing generation is fine
      }
    }
    renameSync(this.path, `${this.path}.1`);
    this.size = 0;
  }
}

function currentSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export interface TextStreamSinkOptions {
  stream: { write(chunk: string): unknown };
  level: RecordLevel;
  /** Events not to print (e.g. a failure the CLI already rendered in full). */
  skipEvents?: string[];
}

/** One readable line per record: `WARN  secrets.keyFilePermissive file=/x mode=644`. */
export class TextStreamSink implements LogSink {
  readonly level: RecordLevel;
  private readonly stream: { write(chunk: string): unknown };
  private readonly skip: Set<string>;

  constructor(opts: TextStreamSinkOptions) {
    this.stream = opts.stream;
    this.level = opts.level;
    this.skip = new Set(opts.skipEvents ?? []);
  }

  write(record: LogRecord): void {
    if (this.skip.has(record.event)) return;
    const fields = Object.entries(record.fields)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? quoteIfNeeded(v) : JSON.stringify(v)}`)
      .join(' ');
    this.stream.write(`${record.level.toUpperCase().padEnd(5)} ${record.event}${fields ? ` ${fields}` : ''}\n`);
  }
}

function quoteIfNeeded(s: string): string {
  return /[\s"=]/.test(s) ? JSON.stringify(s) : s;
}

/** Keeps records in memory (tests, and the UI's recent-log view). */
export class MemorySink implements LogSink {
  readonly records: LogRecord[] = [];
  constructor(readonly level: RecordLevel = 'trace') {}
  write(record: LogRecord): void {
    this.records.push(record);
  }
}
