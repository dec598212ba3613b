// electronegativity over the Electron host, inside `npm test`: every finding is on the reviewed list with a
// reason, and the list holds nothing stale. The same checker run over a deliberately loose host shows it fails.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare as diff, loadReviewed, scan as runScan, type ReviewedFinding as Reviewed } from '../../build/electronegativity.mjs';

type Finding = { file: string; check: string; line: number };

describe('electronegativity', () => {
  it('finds nothing in src/main and src/preload that is not reviewed, and the list has nothing stale', async () => {
    const reviewed = loadReviewed();
    const findings = await runScan();
    expect(diff(findings, reviewed)).toEqual({ unreviewed: [], stale: [] });
    for (const r of reviewed) expect(r.reason.length, `${r.file} ${r.check}`).toBeGreaterThan(60);
  }, 120_000);

  it('flags a loosened window and an unchecked openExternal as new findings', async () => {
    const root = await mkdtemp(join(tmpdir(), 'calpump-en-'));
    try {
      await mkdir(join(root, 'src', 'main'), { recursive: true });
      await mkdir(join(root, 'src', 'preload'), { recursive: true });
      await writeFile(
        join(root, 'src', 'main', 'index.ts'),
        [
          "import { BrowserWindow, shell } from 'electron';",
          'export function open(url: string) {',
          '  const win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true } });',
          "  win.webContents.on('will-navigate', (e) => e.preventDefault());",
          '  void shell.openExternal(url);',
          '  return win;',
          '}',
          '',
        ].join('\n'),
      );
      await writeFile(
        join(root, 'src', 'preload', 'index.ts'),
        "import { contextBridge } from 'electron';\ncontextBridge.exposeInMainWorld('x', {});\n",
      );
      const findings = await runScan(root);
      const { unreviewed } = diff(findings, loadReviewed());
      const checks = new Set(unreviewed.map((f) => f.check));
      for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']) {
        expect(checks, check).toContain(check);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);

  it('matches by file and check, counts repeats, and reports stale entries', () => {
    const f = (file: string, check: string, line = 1): Finding => ({ file, check, line });
    const r = (file: string, check: string, count?: number): Reviewed => ({ file, check, reason: 'x', count });
    expect(diff([f('a.ts', 'X', 3), f('a.ts', 'X', 9)], [r('a.ts', 'X')]).unreviewed).toEqual([f('a.ts', 'X', 3), f('a.ts', 'X', 9)]);
    expect(diff([f('a.ts', 'X', 3), f('a.ts', 'X', 9)], [r('a.ts', 'X', 2)])).toEqual({ unreviewed: [], stale: [] });
    expect(diff([f('b.ts', 'X')], [r('a.ts', 'X')])).toEqual({ unreviewed: [f('b.ts', 'X')], stale: [r('a.ts', 'X')] });
  });
});
