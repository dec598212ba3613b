// When bin/calpump.js may run the prebuilt bundle: only while no file it was made from changed since the build.
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentBundle } from '../../scripts/cli-bundle.mjs';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

async function checkout(builtAtMs: number, inputs = ['src/a.ts', 'package.json']): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'calpump-bundle-'));
  dirs.push(root);
  await mkdir(join(root, 'src'));
  await mkdir(join(root, 'dist', 'cli'), { recursive: true });
  for (const f of ['src/a.ts', 'package.json']) {
    await writeFile(join(root, f), 'x');
    await utimes(join(root, f), new Date(builtAtMs - 60_000), new Date(builtAtMs - 60_000));
  }
  await writeFile(join(root, 'dist', 'cli', 'manifest.json'), JSON.stringify({ builtAtMs, inputs }));
  return root;
}

describe('currentBundle', () => {
  it('is the bundle entry while every input is older than the build', async () => {
    const root = await checkout(Date.now());
    expect(currentBundle(root)).toBe(join(root, 'dist', 'cli', 'run.mjs'));
  });

  it('is undefined once a source changed after the build (a developer edit is never shadowed)', async () => {
    const built = Date.now() - 10_000;
    const root = await checkout(built);
    await utimes(join(root, 'src', 'a.ts'), new Date(), new Date());
    expect(currentBundle(root)).toBeUndefined();
  });

  it('is undefined when an input is gone, or there is no usable manifest', async () => {
    expect(currentBundle(await checkout(Date.now(), ['src/a.ts', 'src/gone.ts']))).toBeUndefined();
    const root = await checkout(Date.now());
    await writeFile(join(root, 'dist', 'cli', 'manifest.json'), '{');
    expect(currentBundle(root)).toBeUndefined();
    await rm(join(root, 'dist'), { recursive: true });
    expect(currentBundle(root)).toBeUndefined();
  });
});
