// Webhook target: the folder's changes as batched JSON POSTs. Each body is signed (X-Calpump-Signature:
// sha256=<hex HMAC of the body>) and carries an Idempotency-Key derived from job, mailbox, folder and the state
// it leads to, so a batch re-sent after a crash has the same key and the receiver can drop the duplicate.
// 408/429/5xx and network errors are retried with jittered exponential back-off; other 4xx fail at once.
import { createHash, createHmac } from 'node:crypto';
import type { RunOutput } from '../../../shared/job.js';
import { eventKey } from '../../../shared/model.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { Logger } from '../../log/logger.js';
import type { SyncStateStore } from '../../store/sync-state-store.js';
import { eventKeysOf, orderedEvent } from '../formats/json.js';
import { fieldsSignature, type EventField } from '../../../shared/event-fields.js';
import { orderedItem } from '../item-formats/json.js';
import type { FolderBatch, PumpTarget, WrittenOutput } from './types.js';

export interface WebhookTargetOptions {
  url: string;
  batchSize: number;
  secret: string;
  states: SyncStateStore;
  logger: Logger;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  /** Only these event fields in each upsert (besides eventKey); absent: every field. */
  fields?: readonly EventField[];
}

export interface WebhookBody {
  jobId: string;
  job: string;
  mailbox: string;
  folder: string;
  sequence: number;
  batch: number;
  batches: number;
  /** True on the first delivery for a folder (or after a reset): drop what you hold for it, then apply. */
  reset: boolean;
  /** Event keys; for contacts and tasks, item ids. */
  deletes: string[];
  /** Events with their eventKey; for contacts and tasks, items as in the JSON export (kind, id, …). */
  upserts: Array<Record<string, unknown>>;
}

export function signatureOf(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function idempotencyKey(b: Pick<FolderBatch, 'jobId' | 'mailbox' | 'folder' | 'sequence' | 'outputHash'>, batch: number): string {
  return createHash('sha256')
    .update([b.jobId, b.mailbox.toLowerCase(), b.folder, b.sequence, b.outputHash, batch].join('\n'))
    .digest('hex')
    .slice(0, 40);
}

/** The URL without query or credentials, for errors and logs (a query string may hold a token). */
function safeUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

function retryAfterMs(h: string | null): number | undefined {
  if (!h) return undefined;
  const secs = Number(h);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(h);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function webhookBodies(b: FolderBatch, batchSize: number, fields?: readonly EventField[]): WebhookBody[] {
  type Op = { del: string } | { up: Record<string, unknown> };
  const keys = eventKeysOf(fields);
  const changes = b.items
    ? { deletes: b.items.deletes, upserts: b.items.upserts.map(orderedItem) }
    : { deletes: b.deletes, upserts: b.upserts.map((e) => ({ eventKey: eventKey(e), ...orderedEvent(e, keys) })) };
  const ops: Op[] = [...changes.deletes.map((del) => ({ del })), ...changes.upserts.map((up) => ({ up }))];
  const chunks: Op[][] = [];
  for (let i = 0; i < ops.length; i += batchSize) chunks.push(ops.slice(i, i + batchSize));
  if (chunks.length === 0 && b.reset) chunks.push([]);
  return chunks.map((chunk, i) => ({
    jobId: b.jobId,
    job: b.jobName,
    mailbox: b.mailbox,
    folder: b.folder,
    sequence: b.sequence,
    batch: i + 1,
    batches: chunks.length,
    reset: b.reset && i === 0,
    deletes: chunk.flatMap((o) => ('del' in o ? [o.del] : [])),
    upserts: chunk.flatMap((o) => ('up' in o ? [o.up] : [])),
  }));
}

export class WebhookTarget implements PumpTarget {
  readonly kind = 'webhook' as const;
  readonly id: string;
  private readonly o: Required<Omit<WebhookTargetOptions, 'states' | 'logger' | 'secret' | 'url' | 'batchSize' | 'fields'>>;
  private bytesSent = 0;

  constructor(private readonly opts: WebhookTargetOptions) {
    // Another field selection is another output: a new id makes the next run send every event again.
    this.id = `webhook${fieldsSignature(opts.fields)}:${safeUrl(opts.url)}`;
    this.o = {
      fetch: opts.fetch ?? globalThis.fetch,
      sleep: opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      random: opts.random ?? Math.random,
      maxAttempts: opts.maxAttempts ?? 6,
      baseDelayMs: opts.baseDelayMs ?? 500,
      maxDelayMs: opts.maxDelayMs ?? 30_000,
      timeoutMs: opts.timeoutMs ?? 30_000,
    };
  }

  async holds(): Promise<boolean> {
    return true;
  }

  async write(batch: FolderBatch): Promise<WrittenOutput> {
    for (const body of webhookBodies(batch, this.opts.batchSize, this.opts.fields)) {
      await this.post(JSON.stringify(body), idempotencyKey(batch, body.batch), `${body.batch}/${body.batches}`);
    }
    return { commit: (state) => this.opts.states.commit(state) };
  }

  /** A reset with the deletes of every key the receiver may hold, under the same idempotency keys when re-sent. */
  async remove(batch: FolderBatch): Promise<void> {
    await this.write(batch);
  }

  private async post(body: string, key: string, label: string): Promise<void> {
    const url = safeUrl(this.opts.url);
    let reason = '';
    for (let attempt = 1; attempt <= this.o.maxAttempts; attempt++) {
      let wait: number | undefined;
      try {
        const res = await this.o.fetch(this.opts.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Calpump',
            'idempotency-key': key,
            'x-calpump-signature': signatureOf(this.opts.secret, body),
            'x-calpump-batch': label,
          },
          body,
          signal: AbortSignal.timeout(this.o.timeoutMs),
        });
        // The receiver's answer body is never needed: discard it unread, so no answer can grow memory.
        await res.body?.cancel().catch(() => undefined);
        if (res.ok) {
          this.bytesSent += Buffer.byteLength(body);
          return;
        }
        reason = `HTTP ${res.status}`;
        if (res.status !== 408 && res.status !== 429 && res.status < 500) {
          throw new CalpumpError('export.webhook.rejected', { params: { url, status: String(res.status) }, evidence: reason });
        }
        wait = retryAfterMs(res.headers.get('retry-after'));
      } catch (e) {
        if (e instanceof CalpumpError) throw e;
        reason = (e as Error & { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      }
      if (attempt === this.o.maxAttempts) break;
      const backoff = this.o.random() * Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1));
      this.opts.logger.debug('pump.webhook.retry', { url, attempt, reason, key });
      await this.o.sleep(Math.min(this.o.maxDelayMs, wait ?? backoff));
    }
    throw new CalpumpError('export.webhook.unreachable', {
      params: { url, attempts: String(this.o.maxAttempts), reason },
      evidence: reason,
    });
  }

  /** The URL without credentials or query, and the bytes sent to it by this target. */
  async outputs(): Promise<RunOutput[]> {
    return [{ path: safeUrl(this.opts.url), bytes: this.bytesSent }];
  }

  async close(): Promise<void> {}
}
