import { describe, expect, it } from 'vitest';
import { autoWorkerCount, exportWorkerCount } from '../../../../src/core/sync/shard/worker-count.js';

describe('exportWorkerCount', () => {
  it('is off unless CALPUMP_EXPORT_WORKERS asks for workers', () => {
    expect(exportWorkerCount({}, 2)).toBe(0);
    for (const v of ['0', 'off', 'no', '-1', '1.5', 'many']) expect(exportWorkerCount({ CALPUMP_EXPORT_WORKERS: v }, 8)).toBe(0);
  });

  it("'auto' leaves one core to this thread, which does its share; a number is taken as it is, up to 16", () => {
    expect(exportWorkerCount({ CALPUMP_EXPORT_WORKERS: 'auto' }, 2)).toBe(1);
    expect(exportWorkerCount({ CALPUMP_EXPORT_WORKERS: 'auto' }, 1)).toBe(0);
    expect(autoWorkerCount(64)).toBe(16);
    expect(exportWorkerCount({ CALPUMP_EXPORT_WORKERS: ' 3 ' }, 2)).toBe(3);
    expect(exportWorkerCount({ CALPUMP_EXPORT_WORKERS: '40' }, 2)).toBe(16);
  });
});
