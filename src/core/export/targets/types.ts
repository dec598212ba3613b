// The target API makes the only safe order the only possible one: `write(batch)` returns the handle whose
// `commit(state)` records the sync state, so state can be committed only after the output is durable.
import type { RunOutput, RunRecord } from '../../../shared/job.js';
import type { NormalisedItem } from '../../../shared/item-model.js';
import type { NormalisedEvent } from '../../../shared/model.js';
import type { SyncStateRecord } from '../../store/sync-state-store.js';

export interface FolderBatch {
  jobId: string;
  jobName: string;
  mailbox: string;
  folder: string;
  /** Increments with every output change of this folder; part of the webhook idempotency key. */
  sequence: number;
  outputHash: string;
  /** The full output after this batch, sorted (files are rewritten from it). */
  events: NormalisedEvent[];
  upserts: NormalisedEvent[];
  deletes: string[];
  /** The target's previous content for this folder is unknown or foreign: replace it entirely. */
  reset: boolean;
  /**
   * Contacts or tasks (a job whose content is not calendar): the full output sorted by id and what changed. events,
   * upserts and deletes are then empty.
   */
  items?: ItemBatch;
}

export interface ItemBatch {
  all: NormalisedItem[];
  upserts: NormalisedItem[];
  /** Ids that left the output. */
  deletes: string[];
}

export interface WrittenOutput {
  /** Records the sync state that this output corresponds to. */
  commit(state: SyncStateRecord): Promise<void>;
}

export interface PumpTarget {
  readonly kind: 'folder' | 'webhook' | 'sqlite' | 'postgres';
  /** Identity of what this target writes to (kind + location + format): state from another target is not reused. */
  readonly id: string;
  /** True when the target still holds the output `state` describes (file present, database row matching). */
  holds(state: SyncStateRecord): Promise<boolean>;
  write(batch: FolderBatch): Promise<WrittenOutput>;
  /**
   * Removes everything the target holds for the batch's mailbox-folder (a former member's output: core/sync/
   * former-members.ts), durably, before it returns. The batch is a reset to no events whose deletes name every key
   * the target may hold. Idempotent: after a crash it is called again with the same batch and ends the same way.
   * A target without it gets that batch through write + commit instead (an empty output, its state then dropped).
   */
  remove?(batch: FolderBatch): Promise<void>;
  /** What holds these folders' output now (files, the database, the webhook's URL), for the run record. */
  outputs(folders: ReadonlyArray<{ mailbox: string; folder: string }>): Promise<RunOutput[]>;
  /** Keeps the finished run's record beside the output (the PostgreSQL target's `runs` table); optional. */
  recordRun?(record: RunRecord): Promise<void>;
  close(): Promise<void>;
}
