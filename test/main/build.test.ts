// The desktop build: main bundles to ESM importing only electron, node built-ins and npm packages; the preload
// is one CommonJS file that requires nothing but electron (a sandboxed preload can load nothing else).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

const out = await mkdtemp(join(tmpdir(), 'calpump-build-'));
afterAll(async () => rm(out, { recursive: true, force: true }));

describe('desktop build', () => {
  it('bundles the preload into one CommonJS file that requires only electron', async () => {
    await build({ configFile: 'vite.preload.config.ts', logLevel: 'silent', build: { outDir: join(out, 'preload'), sourcemap: false } });
    const code = await readFile(join(out, 'preload', 'index.cjs'), 'utf8');
    expect([...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))]).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld');
    expect(code).toContain('calpump:rpc');
  });

  it('bundles main as ESM with electron external', async () => {
    await build({ configFile: 'vite.main.config.ts', logLevel: 'silent', build: { outDir: join(out, 'main'), sourcemap: false } });
    const code = await readFile(join(out, 'main', 'index.js'), 'utf8');
    expect(code).toMatch(/from "electron"/);
    expect(code).toContain('startDesktopApp');
    expect(code).not.toContain('require("electron")');
  });
});
