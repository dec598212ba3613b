// First paint, A/B: two or more renderer builds side by side, each behind its own `calpump serve --demo` (this
// process's serve code), loads alternating so load from other work on the machine falls on all of them alike.
// Prints per build the median wall time to the job list (first-paint.ts's figure), the first contentful paint and
// the page's main-thread CPU — on a busy machine the CPU separates builds where the wall time does not.
//   npx tsx bench/first-paint-ab.ts <rounds> <uiDir> <uiDir> [...]
// A build of the current sources into a folder (absolute: Vite resolves it against src/renderer):
//   NODE_ENV=production npx vite build -c vite.renderer.config.ts --outDir /abs/dir
// A build older than serve's style nonce (2026-12-07) gets its styles refused by this serve.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromiumExecutable, CHROMIUM_ARGS } from '../test/e2e/support/harness.js';
import { demoServe, measureLoad, type PageLoad } from './first-paint.js';
import { median } from './lib.js';

const rounds = Number(process.argv[2]);
const dirs = process.argv.slice(3).map((d) => resolve(d));
if (!(rounds > 0) || dirs.length < 2) {
  process.stderr.write('usage: npx tsx bench/first-paint-ab.ts <rounds> <uiDir> <uiDir> [...]\n');
  process.exit(2);
}
const executablePath = chromiumExecutable();
if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
const work = await mkdtemp(join(tmpdir(), 'calpump-bench-paint-ab-'));
const serves = await Promise.all(dirs.map((uiDir, k) => demoServe(join(work, `config-${k}`), uiDir)));
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
const loads: PageLoad[][] = dirs.map(() => []);
try {
  for (let r = 0; r < rounds; r++) {
    // A B C, then C B A: neither build always goes first.
    const order = dirs.map((_, k) => k);
    if (r % 2) order.reverse();
    for (const k of order) loads[k].push(await measureLoad(browser, serves[k].url));
  }
} finally {
  await browser.close();
  await Promise.all(serves.map((s) => s.stop()));
  await rm(work, { recursive: true, force: true });
}
const ms = (xs: number[]) => `${Math.round(median(xs))} ms`;
for (const [k, dir] of dirs.entries()) {
  const l = loads[k];
  process.stdout.write(
    `${basename(dir).padEnd(24)} list ${ms(l.map((x) => x.at))}, FCP ${ms(l.map((x) => x.fcp))}, main-thread CPU ${ms(l.map((x) => x.cpuMs))}` +
      `  (lists: ${l.map((x) => Math.round(x.at)).join(' ')}; CPU: ${l.map((x) => Math.round(x.cpuMs)).join(' ')})\n`,
  );
}
process.stdout.write(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}\n`,
);
process.exit(0);
