import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  favourSmallFootprint,
  growingPercentFor,
  HEAP_GROWING_PERCENT,
  LARGE_HEAP_GROWING_PERCENT,
  LARGE_HEAP_MB,
  MAX_GROWING_PERCENT,
  SMALL_HEAP_FLOOR_MB,
} from '../../../src/core/process/memory-footprint.js';

const MB = 1024 * 1024;

describe('favourSmallFootprint', () => {
  it('applies once per process', () => {
    const first = favourSmallFootprint();
    expect(favourSmallFootprint()).toBe(false);
    expect(typeof first).toBe('boolean');
  });

  it('names a flag this Node accepts (an unknown flag would be ignored silently)', () => {
    for (const percent of [HEAP_GROWING_PERCENT, MAX_GROWING_PERCENT]) {
      const r = spawnSync(process.execPath, [`--heap-growing-percent=${percent}`, '-e', '0'], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    const bogus = spawnSync(process.execPath, ['--heap-growing-percentage=50', '-e', '0'], { encoding: 'utf8' });
    expect(bogus.status).not.toBe(0);
  });

  it('lets a process that allocates end on its own, with fewer full collections than growth by half', () => {
    const module = join(import.meta.dirname, '../../../src/core/process/memory-footprint.ts');
    // Garbage with a steady live set of ≈ 8 MB: growth by half collects every few MB promoted.
    const churn = `
      const { PerformanceObserver, constants } = await import('node:perf_hooks');
      let majors = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++; }).observe({ entryTypes: ['gc'] });
      if (process.argv[1] === 'policy') (await import(${JSON.stringify(module)})).favourSmallFootprint();
      else (await import('node:v8')).setFlagsFromString('--heap-growing-percent=50');
      const live = [];
      for (let i = 0; i < 400000; i++) { live[i % 40000] = { i, s: 'x'.repeat(100) + i }; if (i % 1000 === 0) await new Promise((r) => setImmediate(r)); }
      await new Promise((r) => setTimeout(r, 50));
      console.log(majors);`;
    const run = (mode: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', churn, mode], { encoding: 'utf8', timeout: 120_000 });
    const policy = run('policy');
    const half = run('half');
    expect(policy.status, policy.stderr).toBe(0);
    expect(half.status, half.stderr).toBe(0);
    expect(Number(policy.stdout.trim())).toBeLessThan(Number(half.stdout.trim()));
  });
});

describe('growingPercentFor', () => {
  it('grows a small live heap to the floor, a middling one by half, a large one by a quarter, never beyond the cap', () => {
    // 20 MB live: the next full collection waits until about the floor.
    const p = growingPercentFor(20 * MB);
    expect(20 * (1 + p / 100)).toBeGreaterThanOrEqual(SMALL_HEAP_FLOOR_MB);
    expect(20 * (1 + (p - 1) / 100)).toBeLessThan(SMALL_HEAP_FLOOR_MB);
    expect(growingPercentFor(SMALL_HEAP_FLOOR_MB * MB)).toBe(HEAP_GROWING_PERCENT);
    expect(growingPercentFor(100 * MB)).toBe(HEAP_GROWING_PERCENT);
    expect(growingPercentFor(LARGE_HEAP_MB * MB - 1)).toBe(HEAP_GROWING_PERCENT);
    expect(growingPercentFor(LARGE_HEAP_MB * MB)).toBe(LARGE_HEAP_GROWING_PERCENT);
    expect(growingPercentFor(500 * MB)).toBe(LARGE_HEAP_GROWING_PERCENT);
    expect(growingPercentFor(1 * MB)).toBe(MAX_GROWING_PERCENT);
    expect(growingPercentFor(0)).toBe(MAX_GROWING_PERCENT);
  });
});
