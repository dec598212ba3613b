// Opt-in memo of EWS and Graph answers for benchmarks (SimOptions.answerCacheMb). A real Exchange server runs on its own
// hardware and answers a calendar page from its store's indexes; the simulator builds every answer from scratch
// (expanding series, serialising XML) on the same cores as the client it answers, so without this memo a bench
// measures the simulator as much as the client. An answer is kept per authenticated account, world change
// sequence (world.seq) and exact request text, for read-only operations only, and only while no fault is staged
// or rolled; a repeated request still counts (operation and folder counters replayed) and still waits the
// simulated latency. Bounded: once the budget is spent, new answers are simply not kept.
import type { SimCounters } from '../counters.js';
import type { SimFaultControls } from '../faults.js';

/**
 * Operations that never change the world: their answer depends only on the request, the caller and world.seq.
 * Graph's calendarView too (its paging links are built from the request alone; delta is left out: its tokens
 * also depend on the delta generation).
 */
const READ_ONLY = new Set(['FindItem', 'GetItem', 'ResolveNames', 'SyncFolderItems', 'GetFolder', 'FindFolder', 'Graph:calendarView']);

/** True for the operations whose answers the memo keeps. */
export const memoised = (operation: string): boolean => READ_ONLY.has(operation);

interface Entry {
  seq: number;
  operation: string;
  touches: Array<[string, string | undefined]>;
  answer: Buffer;
  /** Graph: the answer's headers (EWS answers all carry the same). */
  headers?: Record<string, string>;
}

export interface EwsAnswerCache {
  /** False while faults are staged or rolled (or FindItem refuses fields): every answer is then built anew. */
  usable(faults: SimFaultControls): boolean;
  /** The kept answer for this request, its counters replayed; undefined when there is none. */
  lookup(key: string, seq: number, counters: SimCounters): Buffer | undefined;
  /** lookup() with the headers kept beside the answer (Graph). */
  lookupWithHeaders(key: string, seq: number, counters: SimCounters): { answer: Buffer; headers?: Record<string, string> } | undefined;
  /** Counters that also record the folders a call touches, for keeping with its answer. */
  recording(counters: SimCounters): {
    counters: SimCounters;
    keep(key: string, seq: number, operation: string, answer: Buffer, headers?: Record<string, string>): void;
  };
  /** Answers kept and requests answered from the memo so far. */
  stats(): { entries: number; bytes: number; hits: number };
}

export function createAnswerCache(budgetBytes: number): EwsAnswerCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let hits = 0;
  const lookupWithHeaders = (key: string, seq: number, counters: SimCounters) => {
    const e = entries.get(key);
    if (!e || e.seq !== seq) return undefined;
    hits++;
    counters.count(e.operation);
    for (const [mailbox, folder] of e.touches) counters.touch(mailbox, folder);
    return e;
  };
  return {
    usable: (faults) => faults.faultRate <= 0 && faults.findItemRefuses.length === 0 && faults.pending().length === 0,
    lookup: (key, seq, counters) => lookupWithHeaders(key, seq, counters)?.answer,
    lookupWithHeaders,
    recording(counters) {
      const touches: Entry['touches'] = [];
      const recorder: SimCounters = Object.create(counters) as SimCounters;
      recorder.touch = (mailbox, folder) => {
        touches.push([mailbox, folder]);
        counters.touch(mailbox, folder);
      };
      return {
        counters: recorder,
        keep(key, seq, operation, answer, headers) {
          if (!READ_ONLY.has(operation) || bytes + answer.length + key.length > budgetBytes) return;
          const old = entries.get(key);
          if (old) bytes -= old.answer.length + key.length;
          entries.set(key, { seq, operation, touches, answer, headers });
          bytes += answer.length + key.length;
        },
      };
    },
    stats: () => ({ entries: entries.size, bytes, hits }),
  };
}
