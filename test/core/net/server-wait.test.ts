// Server-requested waits: short ones stay at debug, long ones are logged at info and reach whoever runs the
// work through the connector's wait channel, however deep in a transport the wait happens.
import { describe, expect, it } from 'vitest';
import {
  ServerWaits,
  VISIBLE_WAIT_MS,
  withServerWaitListener,
  withThrottleObserver,
  type ServerWait,
} from '../../../src/core/net/server-wait.js';
import { recordingLogger } from './fakes.js';

const now = () => Date.parse('2026-03-10T12:00:00Z');

describe('ServerWaits', () => {
  it('a wait of a few seconds or more: info log line with length and reason, and the listener hears it', async () => {
    const logger = recordingLogger();
    const waits = new ServerWaits();
    const heard: ServerWait[] = [];
    await withServerWaitListener(
      [waits],
      (w) => heard.push(w),
      async () => {
        await Promise.resolve();
        waits.announce(logger, { ms: 45_000, reason: 'ErrorServerBusy', mailbox: 'anna@contoso.com', operation: 'FindItem' }, now);
      },
    );
    expect(heard).toEqual([
      { ms: 45_000, reason: 'ErrorServerBusy', mailbox: 'anna@contoso.com', operation: 'FindItem', until: '2026-03-10T12:00:45.000Z' },
    ]);
    expect(logger.records).toEqual([expect.objectContaining({ level: 'info', event: 'net.serverWait' })]);
    expect(logger.records[0].fields).toMatchObject({ ms: 45_000, reason: 'ErrorServerBusy', mailbox: 'anna@contoso.com' });
    // The work is over: a later wait on the channel reaches nobody.
    waits.announce(logger, { ms: 45_000, reason: 'HTTP 503' }, now);
    expect(heard).toHaveLength(1);
  });

  it('a short wait is logged at debug only and announced to no listener; observers hear every wait', async () => {
    const logger = recordingLogger();
    const waits = new ServerWaits();
    const heard: ServerWait[] = [];
    const observed: number[] = [];
    await withThrottleObserver(waits, { wait: (w) => void observed.push(w.ms) }, () =>
      withServerWaitListener(
        [waits],
        (w) => heard.push(w),
        async () => {
          waits.announce(logger, { ms: VISIBLE_WAIT_MS - 1, reason: 'ErrorServerBusy' }, now);
          waits.announce(logger, { ms: VISIBLE_WAIT_MS, reason: 'ErrorServerBusy' }, now);
        },
      ),
    );
    expect(heard.map((w) => w.ms)).toEqual([VISIBLE_WAIT_MS]);
    expect(observed).toEqual([VISIBLE_WAIT_MS - 1, VISIBLE_WAIT_MS]);
    expect(logger.records.map((r) => r.level)).toEqual(['debug', 'info']);
  });

  it('nested listeners both hear a wait; outside any listener nothing fails; a throwing listener is logged', async () => {
    const logger = recordingLogger();
    const waits = new ServerWaits();
    const outer: string[] = [];
    const inner: string[] = [];
    await withServerWaitListener(
      [waits],
      (w) => outer.push(w.reason),
      () =>
        withServerWaitListener(
          [waits, undefined],
          (w) => inner.push(w.reason),
          async () => waits.announce(logger, { ms: 5_000, reason: 'HTTP 429' }, now),
        ),
    );
    expect(outer).toEqual(['HTTP 429']);
    expect(inner).toEqual(['HTTP 429']);
    waits.announce(logger, { ms: 5_000, reason: 'HTTP 503' }, now);
    const heardAfter: string[] = [];
    await withServerWaitListener(
      [waits],
      () => {
        throw new Error('listener bug');
      },
      () =>
        withServerWaitListener(
          [waits],
          (w) => heardAfter.push(w.reason),
          async () => waits.announce(logger, { ms: 5_000, reason: 'HTTP 503' }, now),
        ),
    );
    expect(logger.records.at(-1)).toMatchObject({ level: 'warn', event: 'net.serverWait.listenerFailed' });
    expect(heardAfter).toEqual(['HTTP 503']);
  });

  it('the same listener added for two runs side by side stays until both end; a failed run removes its own', async () => {
    const logger = recordingLogger();
    const waits = new ServerWaits();
    const heard: string[] = [];
    const hold = (w: ServerWait) => heard.push(w.reason);
    let endFirst!: () => void;
    const first = withThrottleObserver(waits, { wait: hold }, () => new Promise<void>((r) => (endFirst = r)));
    await expect(
      withThrottleObserver(waits, { wait: hold }, async () => {
        throw new Error('mailbox failed');
      }),
    ).rejects.toThrow('mailbox failed');
    const twice = waits.observe(hold);
    // Added by two runs at once, it still hears each wait once.
    waits.announce(logger, { ms: 100, reason: 'one' }, now);
    twice();
    endFirst();
    await first;
    waits.announce(logger, { ms: 100, reason: 'two' }, now);
    expect(heard).toEqual(['one']);
  });

  it('relays a wait met on another thread to the listeners when it is visible', () => {
    const waits = new ServerWaits();
    const heard: number[] = [];
    const stop = waits.listen((w) => heard.push(w.ms));
    waits.relay({ ms: VISIBLE_WAIT_MS - 1, reason: 'ErrorServerBusy', until: '2026-03-10T12:00:03.000Z' });
    waits.relay({ ms: 9_000, reason: 'ErrorServerBusy', until: '2026-03-10T12:00:09.000Z' });
    stop();
    waits.relay({ ms: 9_000, reason: 'ErrorServerBusy', until: '2026-03-10T12:00:09.000Z' });
    expect(heard).toEqual([9_000]);
  });

  it("tells a throttle observer's answers for as long as its run lasts; nobody observing, answers cost nothing", async () => {
    const waits = new ServerWaits();
    const answers: number[] = [];
    waits.answered(1);
    await withThrottleObserver(waits, { wait: () => undefined, answered: (sentAt) => void answers.push(sentAt) }, async () => {
      waits.answered(2);
      waits.answered(3);
    });
    waits.answered(4);
    // An observer of waits only hears no answers (a worker thread's hold).
    await withThrottleObserver(waits, { wait: () => undefined }, async () => waits.answered(5));
    expect(answers).toEqual([2, 3]);
  });
});
