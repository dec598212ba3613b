import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncStateStore, type SyncStateRecord } from '../../../src/core/store/sync-state-store.js';

const key = { jobId: 'j1', mailbox: 'Anna.Schmidt@contoso.com', folder: 'calendar' };
function record(sequence: number): SyncStateRecord {
  return {
    schemaVersion: 1,
    ...key,
    targetId: 'folder:/x',
    configHash: 'c',
    syncState: `s${sequence}`,
    window: { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
    sequence,
    outputHash: 'h',
    events: [],
    committedAt: '2026-03-02T00:00:00.000Z',
  };
}

describe('SyncStateStore journal', () => {
  it('a pending state left by a killed run is found by the next run (after its sweep), and commit makes it the state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-state-'));
    const killed = new SyncStateStore(dir);
    await killed.sweep('j1');
    await killed.writePending(record(1));
    const next = new SyncStateStore(dir);
    await next.sweep('j1');
    expect((await next.loadPending(key))?.sequence).toBe(1);
    await next.commit(record(1));
    expect(await next.loadPending(key)).toBeUndefined();
    expect((await next.load(key))?.syncState).toBe('s1');
    const later = new SyncStateStore(dir);
    await later.sweep('j1');
    expect(await later.loadPending(key)).toBeUndefined();
  });

  it('within a run, its own pending writes and discards are seen; without a sweep the disk is asked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-state-'));
    const store = new SyncStateStore(dir);
    await store.sweep('j1');
    expect(await store.loadPending(key)).toBeUndefined();
    await store.writePending(record(2));
    expect((await store.loadPending(key))?.sequence).toBe(2);
    await store.discardPending(key);
    expect(await store.loadPending(key)).toBeUndefined();
    await new SyncStateStore(dir).writePending(record(3));
    expect((await new SyncStateStore(dir).loadPending(key))?.sequence).toBe(3);
  });
});
