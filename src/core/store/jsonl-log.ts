// An append-only log of JSON lines shared by several processes (the CLI, `serve`, the desktop app), bounded in
// size: `<name>.jsonl` takes the appends; when it outgrows `maxBytes` it is renamed to `<name>-<time>.jsonl`
// and only the newest `keepSegments` such segments are kept. Appends and rotation run under a lock file, are
// fsynced, and start on a fresh line when a crash left a torn one, so a damaged line costs only itself.
// Readers see every segment oldest first and re-read only what was appended since their last look.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDir, writeFileAtomic } from '../fs/atomic-write.js';
import { withFileLock } from './file-lock.js';

export interface JsonlLogOptions {
  /** Size at which the current file is rotated (default 4 MiB). */
  maxBytes?: number;
  /** Rotated segments kept (default 4). */
  keepSegments?: number;
  now?: () => Date;
}

/** A segment name that sorts before every rotated one (for data brought in from elsewhere, e.g. a migration). */
export const FIRST_SEGMENT_STAMP = '00000000T000000000Z';

interface CurrentCache<T> {
  /** Which file the cache read (inode and birth time: a rotation starts a new one). */
  id: string;
  offset: number;
  lines: T[];
}

/** Turns one parsed line into an entry, or undefined to skip it (a line from a newer version, a damaged one). */
export type EntryParser<T> = (value: unknown) => T | undefined;

export class JsonlLog<T> {
  readonly path: string;
  private readonly dir: string;
  private readonly name: string;
  private readonly maxBytes: number;
  private readonly keepSegments: number;
  private readonly now: () => Date;
  private readonly segments = new Map<string, T[]>();
  private current: CurrentCache<T> = { id: '', offset: 0, lines: [] };

  constructor(
    path: string,
    private readonly parse: EntryParser<T>,
    opts: JsonlLogOptions = {},
  ) {
    this.path = path;
    this.dir = dirname(path);
    this.name = basename(path, '.jsonl');
    this.maxBytes = opts.maxBytes ?? 4 * 1024 * 1024;
    this.keepSegments = opts.keepSegments ?? 4;
    this.now = opts.now ?? (() => new Date());
  }

  /** Runs `fn` holding the log's lock (appends from other processes wait). */
  locked<R>(fn: () => Promise<R>): Promise<R> {
    return withFileLock(this.path, fn);
  }

  async append(entry: T): Promise<void> {
    await this.locked(() => this.appendUnlocked([entry]));
  }

  /** Appends while the caller already holds the lock. */
  async appendUnlocked(entries: T[]): Promise<void> {
    if (entries.length === 0) return;
    await mkdir(this.dir, { recursive: true });
    const fh = await open(this.path, 'a+', 0o600);
    let size: number;
    try {
      size = (await fh.stat()).size;
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n'; // a torn line left by a crash stays alone
      }
      const text = prefix + entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
      await fh.write(text);
      await fh.sync();
      size += Buffer.byteLength(text);
    } finally {
      await fh.close();
    }
    if (size > this.maxBytes) await this.rotate();
  }

  /** Writes a whole segment that sorts before the rotated ones (replacing one of the same name). */
  async writeSegment(stamp: string, label: string, entries: T[]): Promise<void> {
    const text = entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
    await writeFileAtomic(join(this.dir, `${this.name}-${stamp}-${label}.jsonl`), text);
    this.segments.clear();
  }

  /** The entries of a segment written by writeSegment (empty when there is none). */
  async readSegment(stamp: string, label: string): Promise<T[]> {
    return this.parseLines(await readFile(join(this.dir, `${this.name}-${stamp}-${label}.jsonl`), 'utf8').catch(() => ''));
  }

  private async rotate(): Promise<void> {
    const stamp = this.now().toISOString().replace(/[-:.]/g, '');
    await rename(this.path, join(this.dir, `${this.name}-${stamp}-${randomBytes(3).toString('hex')}.jsonl`));
    const old = (await this.segmentNames()).slice(0, -this.keepSegments);
    await Promise.all(old.map((n) => rm(join(this.dir, n), { force: true })));
    await fsyncDir(this.dir);
  }

  private async segmentNames(): Promise<string[]> {
    const prefix = `${this.name}-`;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names.filter((n) => n.startsWith(prefix) && n.endsWith('.jsonl')).sort();
  }

  /** Every entry that parses, oldest first (rotated segments, then the current file). */
  async entries(): Promise<T[]> {
    const names = await this.segmentNames();
    for (const cached of [...this.segments.keys()]) if (!names.includes(cached)) this.segments.delete(cached);
    for (const n of names) {
      if (!this.segments.has(n)) this.segments.set(n, this.parseLines(await readFile(join(this.dir, n), 'utf8').catch(() => '')));
    }
    await this.refreshCurrent();
    return [...names.flatMap((n) => this.segments.get(n) ?? []), ...this.current.lines];
  }

  /** Reads what was appended to the current file since the last look (all of it after a rotation). */
  private async refreshCurrent(): Promise<void> {
    const s = await stat(this.path).catch(() => undefined);
    if (!s) {
      this.current = { id: '', offset: 0, lines: [] };
      return;
    }
    const id = `${s.ino}:${s.birthtimeMs}`;
    if (id !== this.current.id || s.size < this.current.offset) this.current = { id, offset: 0, lines: [] };
    if (s.size === this.current.offset) return;
    const fh = await open(this.path, 'r');
    try {
      const buf = Buffer.alloc(s.size - this.current.offset);
      const { bytesRead } = await fh.read(buf, 0, buf.length, this.current.offset);
      const end = buf.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (end < 0) return; // only part of a line so far: wait for the rest
      for (const entry of this.parseLines(buf.subarray(0, end + 1).toString('utf8'))) this.current.lines.push(entry);
      this.current.offset += end + 1;
    } finally {
      await fh.close();
    }
  }

  private parseLines(text: string): T[] {
    const out: T[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue; // a torn line after a crash: skip it
      }
      const entry = this.parse(value);
      if (entry !== undefined) out.push(entry);
    }
    return out;
  }
}
