import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { favourSmallFootprint, HEAP_GROWING_PERCENT } from '../../../src/core/process/memory-footprint.js';

describe('favourSmallFootprint', () => {
  it('applies once per process', () => {
    const first = favourSmallFootprint();
    expect(favourSmallFootprint()).toBe(false);
    expect(typeof first).toBe('boolean');
  });

  it('names a flag this Node accepts (an unknown flag would be ignored silently)', () => {
    const r = spawnSync(process.execPath, [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '-e', '0'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const bogus = spawnSync(process.execPath, ['--heap-growing-percentage=50', '-e', '0'], { encoding: 'utf8' });
    expect(bogus.status).not.toBe(0);
  });
});
