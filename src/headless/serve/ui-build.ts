// Finds the built UI, and builds it once on demand when the dev dependencies (vite) are there. An installed
// Calpump ships dist/renderer; a source checkout builds it with `npm run build:renderer`.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { hasUi } from './static-ui.js';

export { PACKAGE_ROOT };
export const DEFAULT_UI_DIR = join(PACKAGE_ROOT, 'dist', 'renderer');
export const RENDERER_CONFIG = join(PACKAGE_ROOT, 'vite.renderer.config.ts');

export type UiStatus = { ready: true; built: boolean } | { ready: false; reason: string };

export async function ensureUi(uiDir: string, opts: { build: boolean; log: (line: string) => void }): Promise<UiStatus> {
  if (await hasUi(uiDir)) return { ready: true, built: false };
  if (!opts.build) return { ready: false, reason: 'building was switched off (--no-build)' };
  if (resolve(uiDir) !== resolve(DEFAULT_UI_DIR) || !existsSync(RENDERER_CONFIG)) {
    return { ready: false, reason: `no renderer sources to build into ${uiDir}` };
  }
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    return { ready: false, reason: 'vite (a development dependency) is not installed' };
  }
  opts.log('Building the user interface once (dist/renderer) …');
  try {
    await vite.build({ configFile: RENDERER_CONFIG, logLevel: 'warn', mode: 'production' });
  } catch (e) {
    return { ready: false, reason: `the UI build failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  return (await hasUi(uiDir)) ? { ready: true, built: true } : { ready: false, reason: 'the build produced no index.html' };
}
