// Every two-way case, table-driven, for both master settings and with propagation flags switched off.
import { describe, expect, it } from 'vitest';
import { decide, twoWayRuleSchema, type PairInput } from '../../../src/core/twoway/index.js';
import type { TwoWayRuleInput } from '../../../src/core/twoway/twoway-rule.js';

const rule = (over: Partial<TwoWayRuleInput> = {}) =>
  twoWayRuleSchema.parse({ id: 'r', a: { mailbox: 'a@x.com' }, b: { mailbox: 'b@x.com' }, master: 'a', ...over });
const N = (hash: string) => ({ id: 'n1', hash });
const C = (hash: string) => ({ id: 'c1', hash });
const S = (native: string, copy?: string, extra: object = {}) => ({
  origin: 'a' as const,
  native: { id: 'n1', hash: native },
  copy: copy === undefined ? undefined : { id: 'c1', hash: copy },
  ...extra,
});

type Row = [string, PairInput, string, string | undefined];
// [case, input (origin a: the original lives on A, the copy on B), action, conflict winner]
const cases = (master: 'a' | 'b'): Row[] => [
  ['new original → copy', { origin: 'a', native: N('1') }, 'createCopy', undefined],
  ['unchanged', { origin: 'a', native: N('1'), copy: C('1'), state: S('1', '1') }, 'none', undefined],
  ['original changed → update copy', { origin: 'a', native: N('2'), copy: C('1'), state: S('1', '1') }, 'updateCopy', undefined],
  ['copy changed → update original', { origin: 'a', native: N('1'), copy: C('2'), state: S('1', '1') }, 'updateNative', undefined],
  ['both changed the same way', { origin: 'a', native: N('2'), copy: C('2'), state: S('1', '1') }, 'record', undefined],
  [
    'both changed differently',
    { origin: 'a', native: N('2'), copy: C('3'), state: S('1', '1') },
    master === 'a' ? 'updateCopy' : 'updateNative',
    master,
  ],
  ['original deleted → delete copy', { origin: 'a', copy: C('1'), state: S('1', '1') }, 'deleteCopy', undefined],
  ['original deleted, copy changed', { origin: 'a', copy: C('2'), state: S('1', '1') }, master === 'a' ? 'deleteCopy' : 'detach', master],
  ['copy deleted → delete original', { origin: 'a', native: N('1'), state: S('1', '1') }, 'deleteNative', undefined],
  [
    'copy deleted, original changed',
    { origin: 'a', native: N('2'), state: S('1', '1') },
    master === 'a' ? 'createCopy' : 'deleteNative',
    master,
  ],
  ['copy without original or state (left by a crash)', { origin: 'a', copy: C('1') }, 'deleteCopy', undefined],
  ['state lost, copy equal → adopt', { origin: 'a', native: N('1'), copy: C('1') }, 'record', undefined],
  ['state lost, copy differs → original wins', { origin: 'a', native: N('2'), copy: C('1') }, 'updateCopy', undefined],
  ['detached pair is left alone', { origin: 'a', copy: C('5'), state: S('1', '1', { detached: true }) }, 'none', undefined],
];

describe.each(['a', 'b'] as const)('decide with master %s', (master) => {
  it.each(cases(master))('%s', (_name, input, action, winner) => {
    const d = decide(rule({ master }), input);
    expect(d.action).toBe(action);
    expect(d.conflict?.winner).toBe(winner);
  });

  it('mirror image: an original on B behaves the same towards A', () => {
    const d = decide(rule({ master }), {
      origin: 'b',
      native: { id: 'n', hash: '2' },
      copy: { id: 'c', hash: '3' },
      state: { origin: 'b', native: { id: 'n', hash: '1' }, copy: { id: 'c', hash: '1' } },
    });
    expect(d).toEqual({ action: master === 'b' ? 'updateCopy' : 'updateNative', conflict: { winner: master } });
  });
});

describe('propagation flags', () => {
  const off = (aToB: object, bToA: object = {}) =>
    rule({
      propagate: {
        aToB: { create: true, modify: true, delete: true, ...aToB },
        bToA: { create: true, modify: true, delete: true, ...bToA },
      },
    });
  it.each<[string, ReturnType<typeof rule>, PairInput, string]>([
    ['no create A→B', off({ create: false }), { origin: 'a', native: N('1') }, 'none'],
    ['no modify A→B', off({ modify: false }), { origin: 'a', native: N('2'), copy: C('1'), state: S('1', '1') }, 'none'],
    ['no delete A→B keeps the copy, detached', off({ delete: false }), { origin: 'a', copy: C('1'), state: S('1', '1') }, 'detach'],
    ['no modify B→A', off({}, { modify: false }), { origin: 'a', native: N('1'), copy: C('2'), state: S('1', '1') }, 'none'],
    ['no delete B→A: the copy stays deleted', off({}, { delete: false }), { origin: 'a', native: N('1'), state: S('1', '1') }, 'suppress'],
    [
      'suppressed copy is not created again…',
      off({}, { delete: false }),
      { origin: 'a', native: N('1'), state: S('1', undefined, { suppressed: true }) },
      'none',
    ],
    [
      '…until the original changes',
      off({}, { delete: false }),
      { origin: 'a', native: N('2'), state: S('1', undefined, { suppressed: true }) },
      'createCopy',
    ],
    [
      'conflict won by a side whose change may not flow',
      off({ modify: false }),
      { origin: 'a', native: N('2'), copy: C('3'), state: S('1', '1') },
      'none',
    ],
  ])('%s', (_n, r, input, action) => {
    expect(decide(r, input).action).toBe(action);
  });
});

describe('overwrite mode (master A replaces B’s copies; flags play no part)', () => {
  const noFlags = { create: false, modify: false, delete: false };
  const overwrite = rule({ mode: 'overwrite', propagate: { aToB: noFlags, bToA: noFlags } });
  it.each<[string, PairInput, string]>([
    ['new original → copy', { origin: 'a', native: N('1') }, 'createCopy'],
    ['unchanged', { origin: 'a', native: N('1'), copy: C('1'), state: S('1', '1') }, 'none'],
    ['original changed → copy rewritten', { origin: 'a', native: N('2'), copy: C('1'), state: S('1', '1') }, 'updateCopy'],
    ['copy edited on B → restored', { origin: 'a', native: N('1'), copy: C('2'), state: S('1', '1') }, 'updateCopy'],
    ['both changed → master wins, no conflict', { origin: 'a', native: N('2'), copy: C('3'), state: S('1', '1') }, 'updateCopy'],
    ['copy deleted on B → created again', { origin: 'a', native: N('1'), state: S('1', '1') }, 'createCopy'],
    [
      'suppressed by sync mode → created again',
      { origin: 'a', native: N('1'), state: S('1', undefined, { suppressed: true }) },
      'createCopy',
    ],
    ['original gone → copy deleted', { origin: 'a', copy: C('1'), state: S('1', '1') }, 'deleteCopy'],
    ['original gone, copy edited → deleted all the same', { origin: 'a', copy: C('2'), state: S('1', '1') }, 'deleteCopy'],
    ['detached by sync mode → deleted', { origin: 'a', copy: C('5'), state: S('1', '1', { detached: true }) }, 'deleteCopy'],
    ['copy left by a crash, no state → adopted', { origin: 'a', native: N('1'), copy: C('1') }, 'record'],
    ['B’s own item: never written', { origin: 'b', native: N('1') }, 'none'],
    ['B’s own item with a copy on A: left alone', { origin: 'b', native: N('2'), copy: C('1'), state: S('1', '1') }, 'none'],
    ['copy on A of a deleted B item: left alone', { origin: 'b', copy: C('1'), state: S('1', '1') }, 'none'],
  ])('%s', (_n, input, action) => {
    const d = decide(overwrite, input);
    expect(d.action).toBe(action);
    expect(d.conflict).toBeUndefined();
  });

  it('with master B, A is the side overwritten', () => {
    const r = rule({ mode: 'overwrite', master: 'b' });
    expect(decide(r, { origin: 'b', copy: C('1'), state: { ...S('1', '1'), origin: 'b' } }).action).toBe('deleteCopy');
    expect(decide(r, { origin: 'a', native: N('1') }).action).toBe('none');
  });
});
