// What a run returns to its host, whatever the job type: the RunRecord and one result per mailbox-folder.
import type { ErrorInfo } from '../../shared/errors.js';
import type { RunRecord } from '../../shared/job.js';
import type { NormalisedEvent } from '../../shared/model.js';

export interface RunJobOptions {
  dryRun?: boolean;
  /** Cancels the run: mailboxes not yet started are recorded as cancelled; running reads are aborted. */
  signal?: AbortSignal;
  trigger?: RunRecord['trigger'];
}

export interface FolderRunResult {
  mailbox: string;
  folder: string;
  ok: boolean;
  items: number;
  upserts: number;
  deletes: number;
  fullRead?: boolean;
  error?: ErrorInfo;
  sample?: NormalisedEvent[];
}

export interface JobRunResult {
  record: RunRecord;
  folders: FolderRunResult[];
}
