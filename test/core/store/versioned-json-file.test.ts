import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VersionedJsonFile } from '../../../src/core/store/versioned-json-file.js';
import { readJson } from '../../support/typed-json.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

const docSchema = z.object({
  schemaVersion: z.literal(2),
  items: z.array(z.object({ name: z.string().min(1), url: z.string().url() })),
});
type Doc = z.infer<typeof docSchema>;

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-vjf-'));
  const path = join(dir, 'things.json');
  const file = new VersionedJsonFile<Doc>({
    path,
    schemaVersion: 2,
    schema: docSchema,
    empty: () => ({ schemaVersion: 2, items: [] }),
    // v1 stored `entries` with `href`; v2 renamed both.
    migrations: { 1: (d) => ({ items: (d.entries as Array<{ name: string; href: string }>).map((e) => ({ name: e.name, url: e.href })) }) },
  });
  return { dir, path, file };
}

describe('VersionedJsonFile', () => {
  it('returns the empty document when the file is missing, and round-trips writes with mode 0600', async () => {
    const { path, file } = await setup();
    expect(await file.read()).toEqual({ schemaVersion: 2, items: [] });
    await file.update((d) => ({ ...d, items: [{ name: 'a', url: 'https://a.example/' }] }));
    expect((await file.read()).items).toEqual([{ name: 'a', url: 'https://a.example/' }]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readJson<{ schemaVersion: number }>(path)).schemaVersion).toBe(2);
  });

  it('migrates an older document forward', async () => {
    const { path, file } = await setup();
    await writeFile(path, JSON.stringify({ schemaVersion: 1, entries: [{ name: 'x', href: 'https://x.example/' }] }));
    expect(await file.read()).toEqual({ schemaVersion: 2, items: [{ name: 'x', url: 'https://x.example/' }] });
  });

  it('on an invalid field: backs the file up, names file and field, and refuses to overwrite', async () => {
    const { dir, path, file } = await setup();
    const original = JSON.stringify({
      schemaVersion: 2,
      items: [
        { name: 'a', url: 'https://a.example/' },
        { name: 'b', url: 'not a url' },
      ],
    });
    await writeFile(path, original);
    const err = await calpumpFailure(file.read());
    expect(err.id).toBe('config.invalid');
    expect(err.params.file).toBe(path);
    expect(err.params.field).toBe('items[1].url');
    expect(await readFile(err.params.backup as string, 'utf8')).toBe(original);
    expect(err.render().message).toContain('items[1].url');

    const writeErr = await calpumpFailure(file.update((d) => ({ ...d, items: [] })));
    expect(writeErr.id).toBe('config.invalid');
    await calpumpFailure(file.write({ schemaVersion: 2, items: [] }));
    expect(await readFile(path, 'utf8')).toBe(original);
    // One backup per distinct bad content, however often it is read.
    expect((await readdir(dir)).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  it('reports broken JSON and a missing or future schema version', async () => {
    const { path, file } = await setup();
    await writeFile(path, '{ "schemaVersion": 2, "items": [ ');
    expect((await calpumpFailure(file.read())).params.field).toBe('(JSON syntax)');
    await writeFile(path, JSON.stringify({ items: [] }));
    expect((await calpumpFailure(file.read())).params.field).toBe('schemaVersion');
    await writeFile(path, JSON.stringify({ schemaVersion: 9, items: [] }));
    const future = await calpumpFailure(file.read());
    expect(future.params.problem).toEqual({ key: 'problem.file.newerVersion', params: { version: 9, max: 2 } });
  });

  it('serialises concurrent updates so none is lost', async () => {
    const { file } = await setup();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        file.update((d) => ({ ...d, items: [...d.items, { name: `n${i}`, url: `https://${i}.example/` }] })),
      ),
    );
    expect((await file.read()).items).toHaveLength(8);
  });

  it('never writes a document that would not read back', async () => {
    const { path, file } = await setup();
    const err = await calpumpFailure(file.write({ schemaVersion: 2, items: [{ name: '', url: 'https://a.example/' }] }));
    expect(err.id).toBe('input.invalid');
    await expect(stat(path)).rejects.toThrow();
  });
});
