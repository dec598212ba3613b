// Builds the renderer from the current sources into a folder of the test's own, so an e2e run never serves a
// stale dist/renderer. Also finds Chromium (apt's /usr/bin/chromium; CI installs it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CONFIG = fileURLToPath(new URL('../../vite.renderer.config.ts', import.meta.url));

export async function buildRendererInto(outDir: string): Promise<string> {
  const vite = await import('vite');
  await vite.build({ configFile: CONFIG, logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true, sourcemap: false } });
  return outDir;
}

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
