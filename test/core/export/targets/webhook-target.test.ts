import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { SyncStateStore } from '../../../../src/core/store/sync-state-store.js';
import { idempotencyKey, signatureOf, WebhookTarget, webhookBodies } from '../../../../src/core/export/targets/webhook-target.js';
import type { FolderBatch } from '../../../../src/core/export/targets/types.js';
import { eventKey } from '../../../../src/shared/model.js';
import { sampleEvents } from '../../../support/sample-events.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../support/webhook-receiver.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';

const SECRET = 'shh-its-a-secret';

function batch(over: Partial<FolderBatch> = {}): FolderBatch {
  const events = sampleEvents();
  return {
    jobId: 'job-1',
    jobName: 'Job',
    mailbox: 'anna@contoso.com',
    folder: 'calendar',
    sequence: 3,
    outputHash: 'abc',
    events,
    upserts: events,
    deletes: ['gone-1@contoso.com', 'gone-2@contoso.com'],
    reset: false,
    ...over,
  };
}

describe('WebhookTarget', () => {
  let rx: WebhookReceiver;
  const sleeps: number[] = [];
  beforeEach(async () => {
    rx = await startWebhookReceiver(SECRET);
    sleeps.length = 0;
  });
  afterEach(() => rx.close());
  const target = (over: Partial<ConstructorParameters<typeof WebhookTarget>[0]> = {}) =>
    new WebhookTarget({
      url: rx.url,
      batchSize: 4,
      secret: SECRET,
      states: new SyncStateStore('/nonexistent', nullLogger),
      logger: nullLogger,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      ...over,
    });

  it('posts signed batches of at most batchSize changes with deterministic idempotency keys', async () => {
    await target().write(batch());
    expect(rx.deliveries).toHaveLength(3); // 2 deletes + 7 upserts in batches of 4
    expect(rx.deliveries.every((d) => d.signatureOk)).toBe(true);
    expect(rx.deliveries.map((d) => [d.body.batch, d.body.batches])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(rx.deliveries[0].body.deletes).toEqual(['gone-1@contoso.com', 'gone-2@contoso.com']);
    expect(rx.deliveries.flatMap((d) => d.body.upserts.map((u) => u.eventKey))).toEqual(sampleEvents().map(eventKey));
    expect(rx.deliveries.map((d) => d.key)).toEqual([1, 2, 3].map((i) => idempotencyKey(batch(), i)));

    await target().write(batch());
    expect(rx.deliveries.slice(3).map((d) => d.raw)).toEqual(rx.deliveries.slice(0, 3).map((d) => d.raw));
    expect(rx.unique()).toHaveLength(3);
    expect(idempotencyKey(batch({ sequence: 4 }), 1)).not.toBe(idempotencyKey(batch(), 1));
  });

  it('signs with HMAC-SHA256 of the exact body', () => {
    expect(signatureOf('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('retries 503, 429 and 408 with back-off and then delivers once', async () => {
    rx.failNext(503, 429, 408);
    await target().write(batch({ upserts: [], deletes: ['x'] }));
    expect(rx.deliveries).toHaveLength(1);
    expect(sleeps).toEqual([250, 0, 1000]); // jittered exponential (random 0.5), Retry-After: 0 honoured
  });

  it('fails fast on 400/401/403/404 with export.webhook.rejected and does not retry', async () => {
    rx.failNext(401);
    const err = await calpumpFailure(target().write(batch()));
    expect(err.id).toBe('export.webhook.rejected');
    expect(err.params).toMatchObject({ status: '401' });
    expect(sleeps).toEqual([]);
    expect(rx.deliveries).toHaveLength(0);
  });

  it('gives up after maxAttempts with export.webhook.unreachable, without the query string in the error', async () => {
    const err = await calpumpFailure(target({ url: 'http://127.0.0.1:1/hook?token=abc', maxAttempts: 3 }).write(batch()));
    expect(err.id).toBe('export.webhook.unreachable');
    expect(err.params.attempts).toBe('3');
    expect(JSON.stringify(err.info())).not.toContain('token=abc');
    expect(sleeps).toHaveLength(2);
  });

  it('sends one empty reset batch for a new empty folder and nothing for an unchanged one', () => {
    expect(webhookBodies(batch({ upserts: [], deletes: [], events: [], reset: true }), 10)).toHaveLength(1);
    expect(webhookBodies(batch({ upserts: [], deletes: [] }), 10)).toHaveLength(0);
  });
});
