// A first batch of the sample events and the sync state a target commits with it, for the target tests.
import type { FolderBatch } from '../../src/core/export/targets/types.js';
import type { SyncStateRecord } from '../../src/core/store/sync-state-store.js';
import { sampleEvents } from './sample-events.js';

/** A reset batch with every sample event, for Anna's calendar. */
export function firstBatch(events = sampleEvents()): FolderBatch {
  return {
    jobId: 'j',
    jobName: 'J',
    mailbox: 'Anna@contoso.com',
    folder: 'calendar',
    sequence: 1,
    outputHash: 'h1',
    events,
    upserts: events,
    deletes: [],
    reset: true,
  };
}

/** The state a target commits with batch `b`. */
export function stateOf(b: FolderBatch, targetId: string): SyncStateRecord {
  return {
    schemaVersion: 1,
    jobId: b.jobId,
    mailbox: b.mailbox,
    folder: b.folder,
    targetId,
    configHash: 'c',
    window: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-10T00:00:00.000Z' },
    sequence: b.sequence,
    outputHash: b.outputHash,
    events: b.events,
    committedAt: '2026-03-01T06:00:00.000Z',
  };
}
