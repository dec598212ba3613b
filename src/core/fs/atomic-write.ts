// Crash-safe file replacement: write a temp file in the same folder, fsync it, rename over the target, then
// fsync the folder so the rename itself is durable. A crash at any point leaves either the old or the new file.
// AtomicFileWriter does the same for text that arrives piece by piece (an export streaming from the server):
// pieces are encoded into a byte buffer and written as it fills, the file is fsynced once at the end, and nothing
// replaces the old file unless the whole text arrived. Folder fsyncs of writers working side by side are shared
// (see fsyncDir). Files are plain descriptors with callback I/O: an export writes hundreds of files, and a
// FileHandle per file (its object, a promise per operation, its tracking by the garbage collector) cost more of
// the main thread than the writes themselves.
import { randomBytes } from 'node:crypto';
import { close, fsync, mkdir, open, rename, rm, write } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const tempName = (path: string) => join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

type Done<T> = (err: NodeJS.ErrnoException | null, value: T) => void;
/** One callback-style fs call as a promise. */
const call = <T = void>(op: (done: Done<T>) => void): Promise<T> =>
  new Promise((resolve, reject) => op((err, value) => (err ? reject(err) : resolve(value))));

/**
 * Opens a new temp file (a descriptor), creating its folder only when it is missing: the folder nearly always
 * exists, and a recursive mkdir costs two system calls per file (an export writes hundreds of files into one folder).
 */
async function openTemp(tmp: string, mode: number): Promise<number> {
  try {
    return await call<number>((done) => open(tmp, 'w', mode, done));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await call<string | undefined>((done) => mkdir(dirname(tmp), { recursive: true }, done));
    return call<number>((done) => open(tmp, 'w', mode, done));
  }
}

/** Writes bytes [0, length) of buf at the file's position, however many calls it takes. */
async function writeAll(fd: number, buf: Uint8Array, length: number): Promise<void> {
  for (let off = 0; off < length;) off += await call<number>((done) => write(fd, buf, off, length - off, null, done));
}

const closeFd = (fd: number) => call((done) => close(fd, done));
const removeFile = (path: string) => call((done) => rm(path, { force: true }, done));

/** fsync, close, rename over the target; on failure the descriptor is closed and the temp file removed. */
async function putInPlace(fd: number, tmp: string, path: string): Promise<void> {
  try {
    await call((done) => fsync(fd, done));
  } catch (e) {
    await closeFd(fd).catch(() => undefined);
    throw e;
  }
  await closeFd(fd);
  await call((done) => rename(tmp, path, done));
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const tmp = tempName(path);
  const fd = await openTemp(tmp, mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    await writeAll(fd, bytes, bytes.length);
  } catch (e) {
    await closeFd(fd).catch(() => undefined);
    await removeFile(tmp).catch(() => undefined);
    throw e;
  }
  try {
    await putInPlace(fd, tmp, path);
  } catch (e) {
    await removeFile(tmp).catch(() => undefined);
    throw e;
  }
  await fsyncDir(dirname(path));
}

/** Bytes of a writer's buffer: most export files (≈ 220 KB for 280 events) go out in one or two writes. */
const BUFFER_BYTES = 256 * 1024;
/** A writer asks for a flush once this much is buffered (the default; AtomicFileWriter's third argument). */
export const FLUSH_BYTES = 192 * 1024;
/**
 * Buffers of finished writers, taken by the next ones: writers side by side (an export's concurrency) reuse a few
 * buffers for a whole run instead of allocating one per file.
 */
const spareBuffers: Buffer[] = [];
const MAX_SPARE_BUFFERS = 16;

/** Buffered text written to a temp file as it comes, made durable and put in place by commit(). */
export class AtomicFileWriter {
  private readonly tmp: string;
  private fd?: number;
  private buf?: Buffer;
  /** Bytes of buf in use. */
  private used = 0;
  /** Text that did not fit into buf, in order after its bytes (written by the next flush). */
  private overflow: string[] = [];
  /** A flush is running: its buffer may still be in a write. */
  private writing = false;

  constructor(
    readonly path: string,
    private readonly mode = 0o600,
    private readonly flushBytes = FLUSH_BYTES,
  ) {
    this.tmp = tempName(path);
  }

  /** Adds text; true when enough is buffered that flush() should be awaited before adding more. */
  add(text: string): boolean {
    if (this.overflow.length === 0) {
      const buf = (this.buf ??= spareBuffers.pop() ?? Buffer.allocUnsafeSlow(BUFFER_BYTES));
      // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
      if (text.length * 3 <= buf.length - this.used) {
        this.used += buf.write(text, this.used);
        return this.used >= this.flushBytes;
      }
    }
    this.overflow.push(text);
    return true;
  }

  /** Writes everything added so far to the temp file. */
  async flush(): Promise<void> {
    if (this.used === 0 && this.overflow.length === 0) return;
    this.writing = true;
    try {
      // Opened on the first write: a read that fails before any output leaves no file at all.
      const fd = (this.fd ??= await openTemp(this.tmp, this.mode));
      const buf = this.buf!;
      const overflow = this.overflow;
      this.overflow = [];
      for (const text of overflow) {
        if (text.length * 3 > buf.length - this.used) await this.writeBuffered(fd, buf);
        if (text.length * 3 <= buf.length) this.used += buf.write(text, this.used);
        else {
          const bytes = Buffer.from(text);
          await writeAll(fd, bytes, bytes.length);
        }
      }
      await this.writeBuffered(fd, buf);
    } finally {
      this.writing = false;
    }
  }

  private async writeBuffered(fd: number, buf: Buffer): Promise<void> {
    const n = this.used;
    this.used = 0;
    if (n > 0) await writeAll(fd, buf, n);
  }

  /**
   * Writes the rest, fsyncs once, renames over the target and makes the rename durable. With `syncDir: false`
   * the rename is left for the caller to make durable: the file's bytes are on disk before the rename, so until
   * the caller's fsyncDir() of the folder a crash leaves the old file or the new one, both whole; the caller must
   * sync the folder before it reports or commits anything that relies on the new file.
   */
  async commit(opts: { syncDir?: boolean } = {}): Promise<void> {
    try {
      await this.flush();
      const fd = (this.fd ??= await openTemp(this.tmp, this.mode));
      this.fd = undefined;
      await putInPlace(fd, this.tmp, this.path);
    } catch (e) {
      await this.abort();
      throw e;
    }
    this.release();
    if (opts.syncDir !== false) await fsyncDir(dirname(this.path));
  }

  /** Drops the temp file; the old file (if any) stays as it was. */
  async abort(): Promise<void> {
    this.overflow = [];
    this.used = 0;
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) await closeFd(fd).catch(() => undefined);
    await removeFile(this.tmp).catch(() => undefined);
    this.release();
  }

  /** Hands the buffer to the next writer, unless a write of this one may still be reading it. */
  private release(): void {
    if (this.buf && !this.writing && spareBuffers.length < MAX_SPARE_BUFFERS) spareBuffers.push(this.buf);
    this.buf = undefined;
  }
}

interface DirSync {
  running: Promise<void>;
  /** The next sync, not started yet: every caller that arrives while one runs shares it. */
  queued?: Promise<void>;
}
const dirSyncs = new Map<string, DirSync>();

async function syncDirNow(dir: string): Promise<void> {
  const fd = await call<number>((done) => open(dir, 'r', done));
  try {
    await call((done) => fsync(fd, done));
  } finally {
    await closeFd(fd);
  }
}

function startDirSync(dir: string): Promise<void> {
  const entry: DirSync = { running: syncDirNow(dir) };
  dirSyncs.set(dir, entry);
  entry.running
    .finally(() => {
      if (dirSyncs.get(dir) === entry && !entry.queued) dirSyncs.delete(dir);
    })
    .catch(() => undefined);
  return entry.running;
}

/**
 * Makes renames in a folder durable. A caller gets a sync that starts after its call; callers that arrive
 * while one is running share the next one (group commit: eight writers side by side cost two folder fsyncs,
 * not eight).
 */
export function fsyncDir(dir: string): Promise<void> {
  // Directories cannot be opened for fsync on Windows; there NTFS journals the rename itself.
  if (process.platform === 'win32') return Promise.resolve();
  const entry = dirSyncs.get(dir);
  if (!entry) return startDirSync(dir);
  entry.queued ??= entry.running.then(
    () => startDirSync(dir),
    () => startDirSync(dir),
  );
  return entry.queued;
}
