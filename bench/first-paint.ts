// First paint of the app: `calpump serve --demo` in this process, the renderer built from the current sources,
// and Debian's Chromium opening the app five times, each in a fresh browser context (nothing cached). The figure
// is the first meaningful content: the median time from navigation to the moment the home screen's job list is in
// the page with the demo job's data (a row naming the job, with its status), seen by a MutationObserver the page
// runs from its first moment. Beside it: the first contentful paint (the shell's frame index.html paints before any
// script runs), and the script the first screen loaded until then (bytes and files). Target: < 500 ms.
// Alone: `npx tsx bench/first-paint.ts` (`--json` prints the result as one JSON line); `npm run bench` runs it in a
// child process and prints rowOf(result) in its table.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySecretStore } from '../src/core/secrets/memory-secret-store.js';
import { runServe } from '../src/headless/serve/run-serve.js';
import { builtUi, chromiumExecutable, CHROMIUM_ARGS } from '../test/e2e/support/harness.js';
import { median, row, runChild } from './lib.js';
import type { Browser } from 'playwright-core';

const TARGET_MS = 500;
const RUNS = 5;

/** The job list with data: a row that names its job and carries its status. */
export const MEANINGFUL = '[data-testid=home-jobs] [data-testid=home-job][data-job-name][data-status]';

export interface FirstPaintResult {
  /** Median time to the first meaningful content (the home screen's job list with data). */
  medianMs: number;
  /** Median first contentful paint (the HTML frame). */
  fcpMs: number;
  runs: number[];
  /** Script the first screen loaded before its job list showed (bytes, decoded) and how many files. */
  scriptBytes: number;
  scriptFiles: number;
  /** Guard: the home screen listed the demo job in every run. */
  jobsShown: number;
  /** Median CPU time of the page's main thread by the end of the load (steadier than wall time on a busy machine). */
  cpuMs?: number;
}

/** One fresh load of the app, as measured in a new browser context. */
export interface PageLoad {
  /** Navigation → the job list with data in the page. */
  at: number;
  fcp: number;
  /** Script fetched until then: bytes (decoded) and files. */
  bytes: number;
  files: number;
  jobs: number;
  /** CPU time of the page's main thread once the list is there (thread ticks, CDP Performance.getMetrics). */
  cpuMs: number;
}

/** `calpump serve --demo` in this process, serving the built UI in `uiDir` (no scheduler, secrets in memory). */
export function demoServe(configDir: string, uiDir: string): ReturnType<typeof runServe> {
  return runServe({ configDir, port: 0, uiDir, build: false, demo: true, secrets: new MemorySecretStore(), schedule: false, env: {} });
}

/** Opens `url` in a fresh context (nothing cached) and measures the load; bench/first-paint-ab.ts shares it. */
export async function measureLoad(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    // Runs before the page's own scripts (injected by the browser, so the CSP does not apply): notes the moment
    // the job list with data enters the page. A string, not a function: tsx would wrap named functions in a helper
    // the page does not have.
    await page.addInitScript(
      `new MutationObserver(() => { if (window.__meaningful === undefined && document.querySelector(${JSON.stringify(MEANINGFUL)})) window.__meaningful = performance.now(); }).observe(document, { childList: true, subtree: true, attributes: true });`,
    );
    await page.goto(url);
    await page.locator(MEANINGFUL).first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as { __meaningful?: number }).__meaningful !== undefined);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const threadTime = metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
    const m = await page.evaluate(() => {
      const at = (window as unknown as { __meaningful: number }).__meaningful;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      // Scripts fetched until the job list showed (the screen's chunks and its language's tables).
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => ((r as PerformanceResourceTiming).initiatorType === 'script' || r.name.endsWith('.js')) && r.startTime <= at);
      return {
        fcp,
        at,
        bytes: scripts.reduce((n, r) => n + ((r as PerformanceResourceTiming).decodedBodySize || 0), 0),
        files: scripts.length,
        jobs: document.querySelectorAll('[data-testid=home-job]').length,
      };
    });
    return { ...m, cpuMs: threadTime * 1000 };
  } finally {
    await context.close();
  }
}

export async function measureFirstPaint(): Promise<FirstPaintResult> {
  const executablePath = chromiumExecutable();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  const work = await mkdtemp(join(tmpdir(), 'calpump-bench-paint-'));
  // The production build of the current sources (shared with the e2e tests, built once per content hash), built in
  // a child process (build-ui.ts) when it is not there yet; here it is then only looked up.
  await runChild('build-ui.ts', []);
  const uiDir = await builtUi();
  const serve = await demoServe(join(work, 'config'), uiDir);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const loads: PageLoad[] = [];
  try {
    for (let i = 0; i < RUNS; i++) loads.push(await measureLoad(browser, serve.url));
  } finally {
    await browser.close();
    await serve.stop();
    await rm(work, { recursive: true, force: true });
  }
  const last = loads[loads.length - 1];
  const meaningful = loads.map((l) => l.at);
  const paints = loads.map((l) => l.fcp);
  const scriptBytes = last?.bytes ?? 0;
  const scriptFiles = last?.files ?? 0;
  const jobsShown = loads.filter((l) => l.jobs > 0).length;
  const cpuMs = median(loads.map((l) => l.cpuMs));
  return { medianMs: median(meaningful), fcpMs: median(paints), runs: meaningful, scriptBytes, scriptFiles, jobsShown, cpuMs };
}

/** The runner's table row (the result as measured here, or as the child's JSON line). */
export function rowOf(raw: FirstPaintResult | Record<string, unknown>): string {
  const r = raw as FirstPaintResult;
  const guard = r.jobsShown === RUNS && r.runs.every(Number.isFinite);
  return [
    `first meaningful paint (home job list with data): ${r.runs.map((x) => Math.round(x)).join(', ')} ms over ${RUNS} fresh loads; first contentful paint (HTML frame) ${Math.round(r.fcpMs)} ms; page main-thread CPU ${r.cpuMs === undefined ? '–' : Math.round(r.cpuMs)} ms; script loaded until then: ${r.scriptFiles} files, ${(r.scriptBytes / 1024).toFixed(0)} KB`,
    row(
      'first paint of the app: job list (median of 5)',
      `${Math.round(r.medianMs)} ms`,
      `< ${TARGET_MS} ms`,
      `ratio ${(r.medianMs / TARGET_MS).toFixed(2)}`,
      r.medianMs < TARGET_MS,
      guard ? [] : [`the home screen listed the demo job in ${r.jobsShown} of ${RUNS} loads, or a load painted nothing`],
    ),
  ].join('\n');
}

// Imported by bench/run.ts for rowOf(); measures only when this file is the program being run (directly, or as
// the runner's child with --json: vite-node drops the script path from argv).
if (process.argv.includes('--json') || process.argv[1]?.endsWith('first-paint.ts')) {
  const r = await measureFirstPaint();
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(r)}\n` : `${rowOf(r)}\n`);
  process.exit(0);
}
