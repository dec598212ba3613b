// A run that dies between writing the output and committing the state (or between journaling and writing)
// is finished by the next run with the same output — the same file bytes, the same SQLite rows, and webhook
// batches with the same idempotency keys — so the result equals an uninterrupted run.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/job.js';
import { FakeConnector, makeEvent, makeSeries } from '../../support/fake-connector.js';
import { createHarness, WEBHOOK_SECRET, type Harness } from '../../support/pump-harness.js';
import { folderOutput, sqliteOutput, webhookOutput } from '../../support/target-outputs.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';

const MAILBOXES = ['anna@contoso.com', 'jan@contoso.com', 'room.amsterdam@contoso.com'];

function world(): FakeConnector {
  const c = new FakeConnector();
  for (const m of MAILBOXES) {
    c.put(
      m,
      'calendar',
      makeEvent({ id: `${m}-a`, subject: `A ${m}`, start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' }),
    );
    c.put(m, 'calendar', makeSeries(`${m}-s`, '2026-02-26T08:00:00.000Z', 20));
  }
  return c;
}

function mutate(c: FakeConnector): void {
  const a = c.item('anna@contoso.com', 'calendar', 'anna@contoso.com-a');
  c.put('anna@contoso.com', 'calendar', {
    ...a,
    events: [{ ...a.events[0], subject: 'Changed', start: '2026-03-04T09:00:00.000Z', end: '2026-03-04T10:00:00.000Z' }],
  });
  c.remove('jan@contoso.com', 'calendar', 'jan@contoso.com-s');
  c.put(
    'room.amsterdam@contoso.com',
    'calendar',
    makeEvent({ id: 'new', subject: 'New', start: '2026-03-05T09:00:00.000Z', end: '2026-03-05T10:00:00.000Z' }),
  );
}

type Kind = 'folder' | 'sqlite' | 'webhook';

async function outputOf(kind: Kind, h: Harness, rx: WebhookReceiver) {
  if (kind === 'folder') return folderOutput(join(h.dir, 'out'));
  if (kind === 'sqlite') return sqliteOutput(join(h.dir, 'out.db'));
  return webhookOutput(rx);
}

function jobFor(kind: Kind, h: Harness, rx: WebhookReceiver): Job {
  const target =
    kind === 'folder'
      ? { kind, path: join(h.dir, 'out') }
      : kind === 'sqlite'
        ? { kind, path: join(h.dir, 'out.db') }
        : { kind, url: rx.url, batchSize: 2 };
  return h.job({ mailboxes: { mode: 'list', list: MAILBOXES }, format: 'ics', target, concurrency: 2 });
}

describe.each<Kind>(['folder', 'sqlite', 'webhook'])('crash replay (%s target)', (kind) => {
  let h: Harness;
  let clean: Harness;
  let rx: WebhookReceiver;
  let rxClean: WebhookReceiver;
  beforeEach(async () => {
    [h, clean, rx, rxClean] = await Promise.all([
      createHarness(),
      createHarness(),
      startWebhookReceiver(WEBHOOK_SECRET),
      startWebhookReceiver(WEBHOOK_SECRET),
    ]);
  });
  afterEach(async () => {
    await Promise.all([h.cleanup(), clean.cleanup(), rx.close(), rxClean.close()]);
  });

  async function cleanOutput() {
    const c = world();
    await clean.run(jobFor(kind, clean, rxClean), c);
    mutate(c);
    await clean.run(jobFor(kind, clean, rxClean), c);
    return outputOf(kind, clean, rxClean);
  }

  it('dies after the output is written but before the state commit → the next run completes it identically', async () => {
    const c = world();
    await h.run(jobFor(kind, h, rx), c);
    mutate(c);
    const commit = h.states.commit.bind(h.states);
    let crashes = 0;
    h.states.commit = async (r) => {
      if (r.mailbox === 'anna@contoso.com' && crashes++ === 0) throw new Error('killed');
      return commit(r);
    };
    const crashed = await h.run(jobFor(kind, h, rx), c);
    expect(crashed.record.status).toBe('partial');
    const replayed = await h.run(jobFor(kind, h, rx), c);
    expect(replayed.record.status).toBe('ok');
    expect(h.logs.filter((l) => l.event === 'pump.journal.replay')).toHaveLength(1);
    expect(await outputOf(kind, h, rx)).toEqual(await cleanOutput());
    if (kind === 'webhook') expect(rx.deliveries.length).toBeGreaterThan(rx.unique().length); // a batch really arrived twice
  });

  it('dies after the output is written, and the server removes the new event before the re-run', async () => {
    const c = world();
    await h.run(jobFor(kind, h, rx), c);
    mutate(c);
    const commit = h.states.commit.bind(h.states);
    h.states.commit = async (r) => {
      if (r.mailbox === 'room.amsterdam@contoso.com') throw new Error('killed');
      return commit(r);
    };
    await h.run(jobFor(kind, h, rx), c);
    h.states.commit = commit;
    // The target already received "New"; the journal replay must deliver that state first so the removal that
    // follows reaches the target as a delete (the old committed state never knew "New").
    c.remove('room.amsterdam@contoso.com', 'calendar', 'new');
    await h.run(jobFor(kind, h, rx), c);

    const c2 = world();
    mutate(c2);
    c2.remove('room.amsterdam@contoso.com', 'calendar', 'new');
    const fresh = await createHarness();
    const rxFresh = await startWebhookReceiver(WEBHOOK_SECRET);
    try {
      await fresh.run(jobFor(kind, fresh, rxFresh), c2);
      const mine = await outputOf(kind, h, rx);
      const theirs = await outputOf(kind, fresh, rxFresh);
      // Delivery history differs (the crashed run's journey had more steps); what the receiver holds must not.
      if (kind === 'webhook') expect((mine as { state: unknown }).state).toEqual((theirs as { state: unknown }).state);
      else expect(mine).toEqual(theirs);
    } finally {
      await Promise.all([fresh.cleanup(), rxFresh.close()]);
    }
  });
});
