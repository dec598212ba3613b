import { describe, expect, it } from 'vitest';
import { JobProgressModel } from '../../../src/renderer/models/job-progress-model.js';

const at = '2026-11-25T10:00:00.000Z';

describe('JobProgressModel', () => {
  it('follows a run from start to 100% with one entry per finished mailbox', () => {
    const m = new JobProgressModel();
    m.onStatus({ jobId: 'j', runId: 'r1', status: 'running', at });
    expect(m.get('j')).toMatchObject({ status: 'running', percent: 0, mailboxes: [] });
    m.onProgress({ jobId: 'j', runId: 'r1', percent: 50, done: 1, total: 2, mailbox: 'a@contoso.com' });
    m.onProgress({ jobId: 'j', runId: 'r1', percent: 100, done: 2, total: 2, mailbox: 'b@contoso.com' });
    m.onStatus({ jobId: 'j', runId: 'r1', status: 'ok', at });
    expect(m.get('j')).toMatchObject({
      status: 'ok',
      percent: 100,
      done: 2,
      total: 2,
      mailboxes: [
        { mailbox: 'a@contoso.com', percent: 100 },
        { mailbox: 'b@contoso.com', percent: 100 },
      ],
    });
  });

  it('never moves the bar backwards within a run, and resets for a new run', () => {
    const m = new JobProgressModel();
    m.onProgress({ jobId: 'j', runId: 'r1', percent: 60, done: 3, total: 5 });
    m.onProgress({ jobId: 'j', runId: 'r1', percent: 40, done: 3, total: 5 });
    expect(m.get('j')?.percent).toBe(60);
    m.onStatus({ jobId: 'j', runId: 'r1', status: 'failed', at, error: { id: 'x', params: {} } });
    expect(m.get('j')).toMatchObject({ status: 'failed', percent: 60, error: { id: 'x' } });
    m.onStatus({ jobId: 'j', runId: 'r2', status: 'running', at });
    expect(m.get('j')).toMatchObject({ runId: 'r2', status: 'running', percent: 0, error: undefined });
  });

  it('ignores late events of an older run while a newer one runs', () => {
    const m = new JobProgressModel();
    m.onStatus({ jobId: 'j', runId: 'r2', status: 'running', at });
    m.onProgress({ jobId: 'j', runId: 'r1', percent: 100, done: 4, total: 4 });
    m.onStatus({ jobId: 'j', runId: 'r1', status: 'ok', at });
    expect(m.get('j')).toMatchObject({ runId: 'r2', status: 'running', percent: 0 });
  });

  it('keeps jobs apart', () => {
    const m = new JobProgressModel();
    m.onProgress({ jobId: 'a', runId: 'r', percent: 10, done: 1, total: 10 });
    m.onProgress({ jobId: 'b', runId: 'r', percent: 90, done: 9, total: 10 });
    expect([m.get('a')?.percent, m.get('b')?.percent]).toEqual([10, 90]);
  });

  it('keeps the latest server wait of the running run, ignores one of an older run, and drops it when the run ends', () => {
    const m = new JobProgressModel();
    m.onStatus({ jobId: 'j', runId: 'r2', status: 'running', at });
    m.onWaiting({ jobId: 'j', runId: 'r1', ms: 5_000, until: at, reason: 'HTTP 429' });
    expect(m.get('j')?.waiting).toBeUndefined();
    m.onWaiting({ jobId: 'j', runId: 'r2', mailbox: 'a@contoso.com', ms: 45_000, until: at, reason: 'ErrorServerBusy' });
    expect(m.get('j')?.waiting).toEqual({ mailbox: 'a@contoso.com', ms: 45_000, until: at, reason: 'ErrorServerBusy' });
    m.onProgress({ jobId: 'j', runId: 'r2', percent: 50, done: 1, total: 2, mailbox: 'b@contoso.com' });
    expect(m.get('j')?.waiting?.reason).toBe('ErrorServerBusy');
    m.onStatus({ jobId: 'j', runId: 'r2', status: 'ok', at });
    expect(m.get('j')?.waiting).toBeUndefined();
  });
});
