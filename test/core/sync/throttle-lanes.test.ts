// The lanes the job pump runs its mailboxes in (the ad-hoc export's dispatcher has its own tests in
// shard/dispatch.test.ts): at most `limit` at once, a server wait holding the next mailboxes back until it ends or
// until a request sent after it is answered, and a mailbox sleeping out a back-off lending its slot — through the
// connector's ServerWaits channel, as a scheduled job wires it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NormalisedEvent } from '../../../src/shared/model.js';
import { ServerWaits, withThrottleObserver } from '../../../src/core/net/server-wait.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { mapLanes, ThrottleLanes } from '../../../src/core/sync/throttle-lanes.js';
import { FakeConnector, makeEvent } from '../../support/fake-connector.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';

const gate = () => {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
};

describe('mapLanes', () => {
  it('runs at most `limit` mailboxes at once and keeps the input order', async () => {
    let running = 0;
    let peak = 0;
    const lanes = new ThrottleLanes(2);
    const out = await mapLanes(['a', 'b', 'c', 'd', 'e'], lanes, async (m) => {
      running++;
      peak = Math.max(peak, running);
      for (let k = 0; k < 3; k++) await new Promise((r) => setImmediate(r));
      running--;
      return m.toUpperCase();
    });
    expect(peak).toBe(2);
    expect(out).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('lifts a hold when a request sent after the wait began is answered', async () => {
    const startedAt = new Map<string, number>();
    const lanes = new ThrottleLanes(2);
    const waits = new ServerWaits();
    const bRuns = gate();
    const waitMet = gate();
    let waitBegan = 0;
    await mapLanes(['a', 'b', 'c'], lanes, (m) =>
      withThrottleObserver(waits, lanes.observer, async () => {
        startedAt.set(m, Date.now());
        if (m === 'a') {
          await bRuns.promise;
          waitBegan = Date.now();
          waits.announce(nullLogger, { ms: 60_000, reason: 'ErrorServerBusy', mailbox: 'a' });
          waitMet.open();
        } else if (m === 'b') {
          bRuns.open();
          await waitMet.promise;
          // Sent before the wait: says nothing. Sent after it: the account is served again.
          waits.answered(waitBegan - 1);
          waits.answered(waitBegan + 5);
        }
      }),
    );
    // Held for the whole minute, the run would outlast the test's time limit.
    expect(startedAt.get('c')!).toBeLessThan(waitBegan + 60_000);
  });
});

describe('ThrottleLanes', () => {
  it('lifts a hold for every caller waiting it out at once, not only the last one', async () => {
    const lanes = new ThrottleLanes(2);
    const waitBegan = Date.now();
    lanes.observer.wait({ ms: 60_000, reason: 'ErrorServerBusy', until: new Date(waitBegan + 60_000).toISOString() });
    const first = lanes.acquire();
    const second = lanes.acquire();
    // Let both reach the hold before it is lifted.
    for (let k = 0; k < 5; k++) await new Promise((r) => setImmediate(r));
    lanes.observer.answered!(waitBegan + 5);
    // Held for the whole minute, either one would outlast the test's time limit.
    const [a, b] = await Promise.all([first, second]);
    a();
    b();
    expect(Date.now()).toBeLessThan(waitBegan + 60_000);
  });
});

/** A connector whose first read of anna sleeps out a back-off that ends only once jan's read has begun. */
class BackOffConnector extends FakeConnector {
  readonly serverWaits = new ServerWaits();
  readonly log: string[] = [];
  private readonly janReads = gate();
  private slept = false;

  override async *calendarView(mailbox: string, folderId: string, from: Date, to: Date): AsyncIterable<NormalisedEvent> {
    this.log.push(`read ${mailbox}`);
    if (mailbox === 'jan@contoso.com') this.janReads.open();
    if (mailbox === 'anna@contoso.com' && !this.slept) {
      this.slept = true;
      await this.serverWaits.pause(mailbox, 500, () => this.janReads.promise);
      this.log.push('anna goes on');
    }
    yield* super.calendarView(mailbox, folderId, from, to);
    this.log.push(`done ${mailbox}`);
  }
}

describe('runJob in lanes (EWS)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.cleanup());

  it('lends the slot of a mailbox sleeping out a back-off to the next one, which gives it back before it goes on', async () => {
    const c = new BackOffConnector();
    for (const m of ['anna@contoso.com', 'jan@contoso.com'])
      c.put(m, 'calendar', makeEvent({ id: `${m}-1`, subject: 'One', start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' }));
    const job = h.job({ mailboxes: { mode: 'list', list: ['anna@contoso.com', 'jan@contoso.com'] }, format: 'json', concurrency: 1 });
    // With one slot and no lending, anna's sleep (which ends only when jan reads) would never end.
    const r = await h.run(job, c);
    expect(r.record).toMatchObject({ status: 'ok', mailboxesOk: 2 });
    expect(c.log).toEqual([
      'read anna@contoso.com',
      'read jan@contoso.com',
      'done jan@contoso.com',
      'anna goes on',
      'done anna@contoso.com',
    ]);
  });
});
