// The worker's side of what it borrows from the host over its port: a SecretStore that asks the host's store
// (values live only in memory, in messages) and a Logger that forwards records for the host's logger to redact
// and write. Records above the host's level are never sent.
import { loggerOf, type Logger } from '../../log/logger.js';
import { LEVEL_RANK, type RecordLevel } from '../../log/sinks.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { FromWorker, SecretOp, ToWorker } from './protocol.js';

type Post = (m: FromWorker) => void;

export class PortSecretStore implements SecretStore {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (m: Extract<ToWorker, { type: 'secret' }>) => void; reject: (e: Error) => void }>();
  constructor(private readonly post: Post) {}

  private ask(op: SecretOp, key?: string, value?: string): Promise<Extract<ToWorker, { type: 'secret' }>> {
    const rid = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(rid, { resolve, reject });
      this.post({ type: 'secret', rid, op, ...(key !== undefined ? { key } : {}), ...(value !== undefined ? { value } : {}) });
    });
  }

  /** An answer from the host. */
  answer(m: Extract<ToWorker, { type: 'secret' }>): void {
    const p = this.pending.get(m.rid);
    this.pending.delete(m.rid);
    if (m.error !== undefined) p?.reject(new Error(m.error));
    else p?.resolve(m);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.ask('get', key)).value;
  }
  async set(key: string, value: string): Promise<void> {
    await this.ask('set', key, value);
  }
  async delete(key: string): Promise<void> {
    await this.ask('delete', key);
  }
  async keys(): Promise<string[]> {
    return (await this.ask('keys')).keys ?? [];
  }
}

/** Fields as they can cross a thread: a value structured clone refuses (a function, a class instance's handle) becomes text. */
function cloneable(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    try {
      structuredClone(v);
      out[k] = v;
    } catch {
      out[k] = String(v);
    }
  }
  return out;
}

export function forwardingLogger(post: Post, maxRank: number, base: Record<string, unknown> = {}): Logger {
  const emit = (level: RecordLevel, event: string, fields: Record<string, unknown> = {}) => {
    if (LEVEL_RANK[level] > maxRank) return;
    const all = { ...base, ...fields };
    try {
      post({ type: 'log', level, event, fields: all });
    } catch {
      post({ type: 'log', level, event, fields: cloneable(all) });
    }
  };
  return loggerOf(
    emit,
    (fields) => forwardingLogger(post, maxRank, { ...base, ...fields }),
    (value) => {
      if (value) post({ type: 'registerSecret', value });
    },
  );
}
