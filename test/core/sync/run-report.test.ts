// What a run record tells the UI and the CLI about one export run: per mailbox items, changes and the first
// error; where the output is (files with absolute paths and sizes, the SQLite file, the webhook URL without
// credentials); and the feeds `calpump serve` publishes for it.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeConnector, makeEvent } from '../../support/fake-connector.js';
import { createHarness, WEBHOOK_SECRET, type Harness } from '../../support/pump-harness.js';
import { startWebhookReceiver } from '../../support/webhook-receiver.js';
import { objectContaining } from '../../support/typed-expect.js';

const ANNA = 'anna@contoso.com';
const GONE = 'gone@contoso.com';

function world(): FakeConnector {
  const c = new FakeConnector();
  for (const [id, day] of [
    ['a1', '02'],
    ['a2', '03'],
  ])
    c.put(ANNA, 'calendar', makeEvent({ id, start: `2026-03-${day}T09:00:00.000Z`, end: `2026-03-${day}T10:00:00.000Z` }));
  return c;
}

describe('run record: mailboxes, outputs and feeds', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.cleanup());

  it('folder target: one entry per mailbox, the files with their sizes, a feed per mailbox with a file', async () => {
    const job = h.job({ mailboxes: { mode: 'list', list: [ANNA, GONE] }, format: 'ics' });
    const { record } = await h.run(job, world());
    expect(record.status).toBe('partial');
    expect(record.mailboxes).toEqual([
      { mailbox: ANNA, ok: true, items: 2, itemsWritten: 2 },
      { mailbox: GONE, ok: false, items: 0, itemsWritten: 0, error: objectContaining({ id: 'ews.mailbox.notFound' }) },
    ]);
    const file = join(h.dir, 'out', `${ANNA}__calendar.ics`);
    expect(record.outputs).toEqual([{ path: file, bytes: (await stat(file)).size, mailbox: ANNA }]);
    expect(record.feeds).toEqual([{ mailbox: ANNA, path: '/feeds/Test%20job/anna%40contoso.com.ics' }]);

    // Nothing changed: nothing written, and the output is still where it was.
    const again = await h.run(h.job({ mailboxes: { mode: 'list', list: [ANNA] }, format: 'ics' }), world());
    expect(again.record.mailboxes).toEqual([{ mailbox: ANNA, ok: true, items: 2, itemsWritten: 0 }]);
    expect(again.record.outputs.map((o) => o.path)).toEqual([file]);
  });

  it('a dry run names no output and writes nothing', async () => {
    const { record } = await h.run(h.job({}), world(), { dryRun: true });
    expect(record.mailboxes).toEqual([{ mailbox: ANNA, ok: true, items: 2, itemsWritten: 0 }]);
    expect(record.outputs).toEqual([]);
    expect(record.feeds).toEqual([]);
  });

  it('SQLite target: the database file, and no feed', async () => {
    const db = join(h.dir, 'cal.db');
    const { record } = await h.run(h.job({ target: { kind: 'sqlite', path: db } }), world());
    expect(record.outputs).toEqual([{ path: db, bytes: (await stat(db)).size }]);
    expect(record.outputs[0].bytes).toBeGreaterThan(0);
    expect(record.feeds).toEqual([]);
  });

  it('webhook target: the URL without its query (it may hold a key), and the bytes sent', async () => {
    const rx = await startWebhookReceiver(WEBHOOK_SECRET);
    try {
      const url = new URL(rx.url);
      url.searchParams.set('code', 'function-key');
      const { record } = await h.run(h.job({ target: { kind: 'webhook', url: url.toString(), batchSize: 10 } }), world());
      expect(record.status).toBe('ok');
      const sent = rx.unique().reduce((n, d) => n + Buffer.byteLength(d.raw), 0);
      expect(record.outputs).toEqual([{ path: `${url.origin}${url.pathname}`, bytes: sent }]);
      expect(JSON.stringify(record)).not.toContain('function-key');
    } finally {
      await rx.close();
    }
  });
});
