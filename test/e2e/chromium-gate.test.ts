// The Chromium gate of the e2e suites: without a browser, CI fails and a developer machine skips (loudly).
import { describe, expect, it } from 'vitest';
import { chromiumGate, inCi } from './support/chromium-gate.js';

describe('chromium gate', () => {
  it('runs the suite when Chromium is there, in CI or not', () => {
    expect(chromiumGate('/usr/bin/chromium', { CI: 'true' })).toBe('run');
    expect(chromiumGate('/usr/bin/chromium', {})).toBe('run');
  });

  it('fails in CI without Chromium, skips elsewhere', () => {
    expect(chromiumGate(undefined, { CI: 'true' })).toBe('fail');
    expect(chromiumGate(undefined, { CI: '1' })).toBe('fail');
    expect(chromiumGate(undefined, {})).toBe('skip');
    expect(chromiumGate(undefined, { CI: 'false' })).toBe('skip');
  });

  it('reads CI the way CI services set it', () => {
    expect(inCi({ CI: 'true' })).toBe(true);
    expect(inCi({ CI: '0' })).toBe(false);
    expect(inCi({ CI: '' })).toBe(false);
    expect(inCi({})).toBe(false);
  });
});
