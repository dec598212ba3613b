import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/core/fs/atomic-write.js';

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
