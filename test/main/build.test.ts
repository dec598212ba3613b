// The desktop build: main bundles to ESM importing only electron, node built-ins and npm packages; the preload
// is one CommonJS file that requires nothing but electron (a sandboxed preload can load nothing else).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

// Inside the repository so the bundle resolves its npm dependencies from node_modules, like the packed app.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
await mkdir(join(ROOT, '.tmp'), { recursive: true });
const out = await mkdtemp(join(ROOT, '.tmp', 'build-test-'));
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
    // The command line (Calpump.exe --calpump-cli, how the Windows service runs) is a chunk of its own, loaded
    // only in that mode.
    expect(code).toMatch(/import\("\.\/[^"]+\.js"\)/);
    // The export's worker thread: its own entry beside the chunk that starts it (sync/shard/worker-entry.ts).
    const files = await readdir(join(out, 'main'));
    expect(files).toContain('export-worker.js');
    const starter = await Promise.all(files.filter((f) => f.endsWith('.js')).map((f) => readFile(join(out, 'main', f), 'utf8')));
    expect(starter.some((c) => c.includes('export-worker.js'))).toBe(true);
  }, 120_000);

  it('the built main starts under Node with a stand-in electron: engine up, window loads the app page', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'calpump-smoke-'));
    try {
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(
          process.execPath,
          ['--import', join(ROOT, 'test/main/fixtures/register-fake-electron.mjs'), join(out, 'main', 'index.js')],
          { cwd: ROOT, env: { ...process.env, CALPUMP_SMOKE_USERDATA: userData }, timeout: 60_000 },
          (err, so, se) => (err ? reject(new Error(`${err.message}\n${se}`)) : resolve(so)),
        );
      });
      expect(stdout).toMatch(/LOADED file:\/\/.*\/renderer\/index\.html/);
      expect(stdout).toMatch(/PRELOAD .*preload[\\/]index\.cjs/);
      expect(stdout).toContain('SANDBOX true');
      expect(stdout).toMatch(/TRAY .*assets[\\/]tray-idle\.png/);
    } finally {
      await rm(userData, { recursive: true, force: true });
    }
  });
});
