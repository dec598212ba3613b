// A two-way state file that cannot be used names its problem as an engine text (the hosts render it), and the
// raw facts (the system's message) stay in evidence.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTwoWayState, statePath } from '../../../src/core/twoway/twoway-state.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

describe('loadTwoWayState', () => {
  it('starts empty without a file; refuses JSON that is not a state and a file that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-twoway-state-'));
    expect(await loadTwoWayState(dir, 'r1')).toEqual({ version: 1, pairs: {} });
    await writeFile(statePath(dir, 'r1'), JSON.stringify({ version: 2, pairs: {} }));
    const shape = await calpumpFailure(loadTwoWayState(dir, 'r1'), 'twoway.state.invalid');
    expect(shape.params.problem).toEqual({ key: 'problem.twoway.notState' });
    expect(shape.render('de').message).toContain('kein Calpump-Zwei-Wege-Zustand (Version 1)');
    await writeFile(statePath(dir, 'r1'), '{ not json');
    const syntax = await calpumpFailure(loadTwoWayState(dir, 'r1'), 'twoway.state.invalid');
    expect(syntax.params.problem).toMatchObject({ key: 'problem.file.invalidJson' });
  });
});
