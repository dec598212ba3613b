// Server-requested waits: short ones stay at debug, long ones are logged at info and reach whoever runs the
// work through the async context, however deep in a transport the wait happens.
import { describe, expect, it } from 'vitest';
import { announceServerWait, VISIBLE_WAIT_MS, withServerWaitListener, type ServerWait } from '../../../src/core/net/server-wait.js';
import { recordingLogger } from './fakes.js';

const now = () => Date.parse('2026-03-10T12:00:00Z');

describe('announceServerWait', () => {
  it('a wait of a few seconds or more: info log line with length and reason, and the listener hears it', async () => {
    const logger = recordingLogger();
    const heard: ServerWait[] = [];
    await withServerWaitListener(
      (w) => heard.push(w),
      async () => {
        await Promise.resolve();
        announceServerWait(logger, { ms: 45_000, reason: 'ErrorServerBusy', mailbox: 'anna@contoso.com', operation: 'FindItem' }, now);
      },
    );
    expect(heard).toEqual([
      { ms: 45_000, reason: 'ErrorServerBusy', mailbox: 'anna@contoso.com', operation: 'FindItem', until: '2026-03-10T12:00:45.000Z' },
    ]);
    expect(logger.records).toEqual([expect.objectContaining({ level: 'info', event: 'net.serverWait' })]);
    expect(logger.records[0].fields).toMatchObject({ ms: 45_000, reason: 'ErrorServerBusy', mailbox: 'anna@contoso.com' });
  });

  it('a short wait is logged at debug only and announced to nobody', () => {
    const logger = recordingLogger();
    const heard: ServerWait[] = [];
    withServerWaitListener(
      (w) => heard.push(w),
      () => announceServerWait(logger, { ms: VISIBLE_WAIT_MS - 1, reason: 'ErrorServerBusy' }, now),
    );
    expect(heard).toEqual([]);
    expect(logger.records.map((r) => r.level)).toEqual(['debug']);
  });

  it('nested listeners both hear a wait; outside any listener nothing fails; a throwing listener is logged', () => {
    const logger = recordingLogger();
    const outer: string[] = [];
    const inner: string[] = [];
    withServerWaitListener(
      (w) => outer.push(w.reason),
      () =>
        withServerWaitListener(
          (w) => inner.push(w.reason),
          () => announceServerWait(logger, { ms: 5_000, reason: 'HTTP 429' }, now),
        ),
    );
    expect(outer).toEqual(['HTTP 429']);
    expect(inner).toEqual(['HTTP 429']);
    announceServerWait(logger, { ms: 5_000, reason: 'HTTP 503' }, now);
    withServerWaitListener(
      () => {
        throw new Error('listener bug');
      },
      () => announceServerWait(logger, { ms: 5_000, reason: 'HTTP 503' }, now),
    );
    expect(logger.records.at(-1)).toMatchObject({ level: 'warn', event: 'net.serverWait.listenerFailed' });
  });
});
