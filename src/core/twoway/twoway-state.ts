// Per rule: the last agreed version of each pair (hash per side), written atomically after a run; and an
// append-only conflict log (JSON lines) holding both versions of every conflict. Losing the state is safe:
// copies are found again by their tags and paired with their originals (no duplicates).
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { SideName } from './twoway-rule.js';
import { text } from '../../shared/i18n/engine-texts.js';

export interface SideState {
  id: string;
  hash: string;
}

export interface PairState {
  /** The side holding the original item; the other side holds Calpump's copy. */
  origin: SideName;
  native: SideState;
  copy?: SideState;
  /** The copy was deleted on its side and the deletion does not propagate: do not create it again. */
  suppressed?: boolean;
  /** The original is gone but the copy is kept (deletion not propagated, or the copy side won): leave it alone. */
  detached?: boolean;
}

export interface TwoWayState {
  version: 1;
  pairs: Record<string, PairState>;
}

export const statePath = (dir: string, ruleId: string) => join(dir, `twoway-${ruleId}.json`);
export const conflictLogPath = (dir: string, ruleId: string) => join(dir, `twoway-${ruleId}-conflicts.jsonl`);

export async function loadTwoWayState(dir: string, ruleId: string): Promise<TwoWayState> {
  const file = statePath(dir, ruleId);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, pairs: {} };
    throw new CalpumpError('twoway.state.invalid', {
      params: { file, problem: text('problem.file.cannotRead') },
      evidence: (e as Error).message,
      cause: e,
    });
  }
  let doc: TwoWayState | undefined;
  try {
    doc = JSON.parse(raw) as TwoWayState;
  } catch (e) {
    throw new CalpumpError('twoway.state.invalid', {
      params: { file, problem: text('problem.file.invalidJson', { detail: (e as Error).message }) },
      cause: e,
    });
  }
  if (doc?.version !== 1 || typeof doc.pairs !== 'object')
    throw new CalpumpError('twoway.state.invalid', { params: { file, problem: text('problem.twoway.notState') } });
  return doc;
}

export async function saveTwoWayState(dir: string, ruleId: string, state: TwoWayState): Promise<void> {
  await writeFileAtomic(statePath(dir, ruleId), `${JSON.stringify(state)}\n`);
}

export async function appendConflicts(dir: string, ruleId: string, entries: unknown[]): Promise<void> {
  if (!entries.length) return;
  await mkdir(dir, { recursive: true });
  await appendFile(conflictLogPath(dir, ruleId), entries.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
}
