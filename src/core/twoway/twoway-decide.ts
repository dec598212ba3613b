// The decision for one pair, from the original, the copy, and the last agreed state — pure, so every case is
// table-tested. A side "changed" when its hash differs from the state's; both changed and different is a
// conflict, and the rule's master side wins. Propagation flags can only hold a change back, never invent one.
// In overwrite mode the state plays no part in what is written: the master's originals decide every copy.
import { allowed, other, type SideName, type TwoWayRule } from './twoway-rule.js';
import type { PairState } from './twoway-state.js';

export interface Seen {
  id: string;
  hash: string;
}

export interface PairInput {
  origin: SideName;
  native?: Seen;
  copy?: Seen;
  state?: PairState;
}

export type PairAction =
  'none' | 'record' | 'createCopy' | 'updateCopy' | 'updateNative' | 'deleteCopy' | 'deleteNative' | 'suppress' | 'detach';

export interface Decision {
  action: PairAction;
  conflict?: { winner: SideName };
}

export function decide(rule: TwoWayRule, p: PairInput): Decision {
  if (rule.mode === 'overwrite') return decideOverwrite(rule, p);
  const { origin, native: n, copy: c, state: s } = p;
  const far = other(origin);
  if (s?.detached) return { action: 'none' };
  if (n && !c && !s) return { action: allowed(rule, origin, 'create') ? 'createCopy' : 'none' };
  if (n && !c && s) {
    const nativeChanged = n.hash !== s.native.hash;
    if (s.suppressed) return { action: nativeChanged && allowed(rule, origin, 'modify') ? 'createCopy' : 'none' };
    if (nativeChanged) {
      // Modified on the original's side, deleted on the copy's side.
      const winner = rule.master;
      if (winner === origin) return { action: allowed(rule, origin, 'modify') ? 'createCopy' : 'suppress', conflict: { winner } };
      return { action: allowed(rule, far, 'delete') ? 'deleteNative' : 'suppress', conflict: { winner } };
    }
    return { action: allowed(rule, far, 'delete') ? 'deleteNative' : 'suppress' };
  }
  if (!n && c && s) {
    const copyChanged = !!s.copy && c.hash !== s.copy.hash;
    if (copyChanged) {
      const winner = rule.master;
      if (winner === far) return { action: 'detach', conflict: { winner } };
      return { action: allowed(rule, origin, 'delete') ? 'deleteCopy' : 'detach', conflict: { winner } };
    }
    return { action: allowed(rule, origin, 'delete') ? 'deleteCopy' : 'detach' };
  }
  // A copy nothing backs (its original and the state are gone): it is Calpump's own, remove it.
  if (!n && c && !s) return { action: 'deleteCopy' };
  if (!n && !c) return { action: 'none' };
  // Both present.
  if (n!.hash === c!.hash) return { action: s && s.native.hash === n!.hash && s.copy?.hash === c!.hash ? 'none' : 'record' };
  if (!s || !s.copy) return { action: allowed(rule, origin, 'modify') ? 'updateCopy' : 'record' };
  const nativeChanged = n!.hash !== s.native.hash;
  const copyChanged = c!.hash !== s.copy.hash;
  if (nativeChanged && copyChanged) {
    const winner = rule.master;
    if (winner === origin) return { action: allowed(rule, origin, 'modify') ? 'updateCopy' : 'none', conflict: { winner } };
    return { action: allowed(rule, far, 'modify') ? 'updateNative' : 'none', conflict: { winner } };
  }
  if (nativeChanged) return { action: allowed(rule, origin, 'modify') ? 'updateCopy' : 'none' };
  if (copyChanged) return { action: allowed(rule, far, 'modify') ? 'updateNative' : 'none' };
  return { action: 'none' };
}

/**
 * Overwrite: the master's originals are the whole truth for the copies on the other side. A copy that differs is
 * rewritten (whoever changed it), a missing copy is created (also one a user deleted), a copy whose original the
 * master no longer has is deleted (also one kept "detached" before). The other side's own items and their copies
 * on the master side are never written; their pairs keep their state for a later switch back to sync.
 */
function decideOverwrite(rule: TwoWayRule, { origin, native: n, copy: c, state: s }: PairInput): Decision {
  if (origin !== rule.master) return { action: 'none' };
  if (n && c) {
    if (n.hash !== c.hash) return { action: 'updateCopy' };
    return { action: s && !s.detached && !s.suppressed && s.native.hash === n.hash && s.copy?.hash === c.hash ? 'none' : 'record' };
  }
  if (n) return { action: 'createCopy' };
  if (c) return { action: 'deleteCopy' };
  return { action: 'none' };
}
