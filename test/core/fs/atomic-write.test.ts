import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFileWriter, fsyncDir, writeFileAtomic } from '../../../src/core/fs/atomic-write.js';

describe('writeFileAtomic', () => {
  it('replaces the file, leaves no temp file, and uses mode 0600 by default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-aw-'));
    const target = join(dir, 'sub', 'out.json');
    await writeFileAtomic(target, 'one');
    await writeFileAtomic(target, 'two');
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readdir(join(dir, 'sub'))).toEqual(['out.json']);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('AtomicFileWriter', () => {
  it('writes pieces as they come, shows the new file only after commit, fsynced once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-aw-'));
    const target = join(dir, 'out.txt');
    await writeFileAtomic(target, 'old');
    const w = new AtomicFileWriter(target, 0o600, 10);
    const pieces = Array.from({ length: 50 }, (_, i) => `piece ${i};`);
    for (const p of pieces) if (w.add(p)) await w.flush();
    // Flushed pieces sit in a temp file next to the target; readers still see the old file.
    expect(await readFile(target, 'utf8')).toBe('old');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
    await w.commit();
    expect(await readFile(target, 'utf8')).toBe(pieces.join(''));
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('abort leaves the old file and no temp file; a writer that never wrote creates nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-aw-'));
    const target = join(dir, 'out.txt');
    await writeFileAtomic(target, 'old');
    const w = new AtomicFileWriter(target, 0o600, 4);
    w.add('new text');
    await w.flush();
    await w.abort();
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.txt']);
    const never = new AtomicFileWriter(join(dir, 'never.txt'));
    never.add('buffered only');
    await never.abort();
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('creates a missing folder, also one removed after an earlier file; a file in the way is an error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-aw-'));
    const target = join(dir, 'a', 'b', 'out.txt');
    for (let round = 0; round < 2; round++) {
      const w = new AtomicFileWriter(target, 0o600, 4);
      w.add('written');
      await w.flush();
      await w.commit();
      expect(await readFile(target, 'utf8')).toBe('written');
      await rm(join(dir, 'a'), { recursive: true });
    }
    await writeFile(join(dir, 'a'), 'a file, not a folder');
    const blocked = new AtomicFileWriter(target);
    blocked.add('x');
    await expect(blocked.commit()).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('writes text byte for byte: multi-byte and lone surrogates, pieces larger than the buffer, many writers at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-aw-'));
    const texts = Array.from({ length: 24 }, (_, w) => [
      `writer ${w}: Müller, 東京, 😀;`,
      // A lone surrogate is written as U+FFFD, as Buffer.from writes it.
      '\ud800 lone',
      'x'.repeat(100_000 + w),
      // Larger than a writer's whole buffer: written past it.
      `${'é'.repeat(300_000)}${w}`,
      ...Array.from({ length: 300 }, (_, i) => `{"n":${i},"s":"${'ü'.repeat(i % 50)}"},\n`),
    ]);
    // Eight writers side by side, three rounds: buffers pass from one writer to the next without mixing bytes.
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        texts.slice(round * 8, round * 8 + 8).map(async (pieces, k) => {
          const w = new AtomicFileWriter(join(dir, `f${round * 8 + k}.txt`));
          for (const p of pieces) if (w.add(p)) await w.flush();
          await w.commit();
        }),
      );
    }
    for (let f = 0; f < texts.length; f++)
      expect((await readFile(join(dir, `f${f}.txt`))).equals(Buffer.from(texts[f].join('')))).toBe(true);
  });

  it('a writer aborted after a flush hands its buffer on clean: the next file holds only its own text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-aw-'));
    const dropped = new AtomicFileWriter(join(dir, 'dropped.txt'));
    dropped.add('d'.repeat(1000));
    await dropped.flush();
    dropped.add('still buffered');
    await dropped.abort();
    const next = new AtomicFileWriter(join(dir, 'next.txt'));
    next.add('short');
    await next.commit();
    expect(await readFile(join(dir, 'next.txt'), 'utf8')).toBe('short');
    expect(await readdir(dir)).toEqual(['next.txt']);
  });

  it('an empty text still replaces the file on commit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-aw-'));
    const target = join(dir, 'sub', 'empty.txt');
    await new AtomicFileWriter(target).commit();
    expect(await readFile(target, 'utf8')).toBe('');
  });
});

describe('fsyncDir', () => {
  it.runIf(process.platform !== 'win32')('callers that arrive while a folder sync runs share the next one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-aw-'));
    const calls = Array.from({ length: 8 }, () => fsyncDir(dir));
    expect(new Set(calls).size).toBe(2);
    await Promise.all(calls);
    // Once idle, the next caller starts its own.
    const later = fsyncDir(dir);
    expect(calls).not.toContain(later);
    await later;
  });
});
