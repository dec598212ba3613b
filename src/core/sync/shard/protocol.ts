// Messages between the export's main thread and its worker threads. Only plain data crosses: a mailbox to
// export, its result, log records, server waits and secret look-ups (answered from the host's store in memory).
import type { ErrorInfo } from '../../../shared/errors.js';
import type { Profile } from '../../../shared/profile.js';
import type { ServerWait } from '../../net/server-wait.js';
import type { RecordLevel } from '../../log/sinks.js';
import type { MailboxExportResult } from '../adhoc-export-types.js';
import type { MailboxExportSettings } from '../mailbox-export.js';

export interface ExportWorkerData {
  profile: Profile;
  settings: MailboxExportSettings;
  env: NodeJS.ProcessEnv;
  fetchTimeoutMs?: number;
  cacheDir?: string;
  /** Records above this rank are not forwarded (LEVEL_RANK). */
  logRank: number;
  /** The worker's name in logs ('worker-1'…). */
  name: string;
}

export type ToWorker =
  | { type: 'mailbox'; id: number; mailbox: string }
  | { type: 'abort' }
  | { type: 'secret'; rid: number; value?: string; keys?: string[]; error?: string }
  | { type: 'close' };

export type SecretOp = 'get' | 'set' | 'delete' | 'keys';

export type FromWorker =
  /** The connector is built; cpuMs: what the thread's start-up cost (undefined where the system does not tell). */
  | { type: 'ready'; cpuMs?: number }
  | { type: 'startFailed'; error: ErrorInfo }
  | { type: 'released'; id: number }
  | { type: 'result'; id: number; result: MailboxExportResult }
  | { type: 'log'; level: RecordLevel; event: string; fields: Record<string, unknown> }
  | { type: 'registerSecret'; value: string }
  | { type: 'wait'; wait: ServerWait }
  | { type: 'secret'; rid: number; op: SecretOp; key?: string; value?: string }
  /** The worker's own CPU time (undefined where the system does not tell) and how many mailboxes it exported. */
  | { type: 'closed'; cpuMs?: number; mailboxes: number };
