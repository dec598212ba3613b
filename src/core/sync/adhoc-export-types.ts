// The ad-hoc export's request, results and progress: plain data, so they cross a worker thread's boundary as they are.
import type { ErrorInfo } from '../../shared/errors.js';
import type { EventField } from '../../shared/event-fields.js';
import type { NormalisedEvent } from '../../shared/model.js';
import type { Connector } from '../connectors/connector.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { LogLevel, Profile } from '../../shared/profile.js';

export interface AdhocExportRequest {
  mailboxes: string[];
  folder: string;
  from: Date;
  to: Date;
  format: 'ics' | 'json' | 'csv';
  outDir: string;
  dryRun?: boolean;
  includeBody?: boolean;
  /** Attendee lists (default true). */
  includeAttendees?: boolean;
  /** CSV: write formula-like cells as they are (default: neutralised with a leading single quote). */
  csvKeepFormulas?: boolean;
  /** Only these fields in the files, and no more read from the server than they need (absent: every field). */
  fields?: readonly EventField[];
  profileName: string;
  /** Mailboxes read at once (default 8). */
  concurrency?: number;
}

export interface MailboxExportResult {
  mailbox: string;
  folder: string;
  ok: boolean;
  items: number;
  file?: string;
  error?: ErrorInfo;
  /** Dry run: the first few items, so the user sees what would be written. */
  sample?: NormalisedEvent[];
  /** Items the connector left out on purpose, each with its id and catalogue error (not taken as deleted). */
  skipped?: Array<{ item: string; error: ErrorInfo }>;
}

export interface ExportReport {
  mailboxes: MailboxExportResult[];
}

export interface ExportProgress {
  mailbox: string;
  folder: string;
  /** Mailboxes finished so far (this one included) and in total. */
  done: number;
  total: number;
  items: number;
  ok: boolean;
}

/**
 * What an export worker needs to build the same connector the main thread holds: the profile, and the host's
 * connector dependencies. Secrets stay in the host's store — a worker asks for them over its MessagePort, so
 * they exist only in memory, never on disk or in a log.
 */
export interface ExportShardSource {
  profile: Profile;
  secrets: SecretStore;
  env?: NodeJS.ProcessEnv;
  fetchTimeoutMs?: number;
  cacheDir?: string;
  /** The most verbose level the host logs; a worker forwards nothing below it (default 'info'). */
  logLevel?: LogLevel;
  /** Worker threads (0: all mailboxes on this thread). Default: exportWorkerCount(env). */
  workers?: number;
}

export interface AdhocExportDeps {
  connector: Connector;
  logger: Logger;
  onProgress?: (p: ExportProgress) => void;
  /** Set: the export may run whole mailboxes on worker threads (sync/shard/), built from this source. */
  shard?: ExportShardSource;
  /** Aborted: no further mailbox starts; mailboxes under way stop and report their error. */
  signal?: AbortSignal;
}
