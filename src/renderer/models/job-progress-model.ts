// Live progress per job and per mailbox, folded from job.progress / job.status events. A new run of a job
// starts from zero; events of an older run that arrive late are ignored.
import type { ErrorInfo } from '../../shared/errors.js';
import type { RpcEventPayload, RunStatus } from '../../shared/rpc.js';

export interface MailboxProgress {
  mailbox: string;
  /** 100 once the mailbox is finished (the pump reports a mailbox when it is done). */
  percent: number;
}

/** The server asked the run to back off: shown while `until` lies ahead. */
export interface ServerWaitNotice {
  mailbox?: string;
  ms: number;
  until: string;
  reason: string;
}

export interface JobProgress {
  runId?: string;
  status: RunStatus;
  percent: number;
  done: number;
  total: number;
  mailboxes: MailboxProgress[];
  error?: ErrorInfo;
  waiting?: ServerWaitNotice;
}

type ProgressEvent = RpcEventPayload<'job.progress'>;
type StatusEvent = RpcEventPayload<'job.status'>;
type WaitingEvent = RpcEventPayload<'job.waiting'>;

const FINISHED: ReadonlySet<RunStatus> = new Set(['ok', 'partial', 'failed', 'cancelled', 'interrupted']);

export function isFinished(s: RunStatus): boolean {
  return FINISHED.has(s);
}

function fresh(runId: string | undefined, status: RunStatus): JobProgress {
  return { runId, status, percent: 0, done: 0, total: 0, mailboxes: [] };
}

export class JobProgressModel {
  private jobs = new Map<string, JobProgress>();

  get(jobId: string): JobProgress | undefined {
    return this.jobs.get(jobId);
  }

  onStatus(e: StatusEvent): void {
    const cur = this.jobs.get(e.jobId);
    let next: JobProgress;
    if (!cur || (e.runId !== undefined && cur.runId !== undefined && e.runId !== cur.runId)) {
      // Another run. While one is running, a finished status of a different run is a late echo of an old one.
      if (cur && !isFinished(cur.status) && isFinished(e.status)) return;
      next = fresh(e.runId, e.status);
    } else {
      next = { ...cur, runId: cur.runId ?? e.runId };
    }
    next.status = e.status;
    next.error = e.error;
    if (isFinished(e.status)) delete next.waiting;
    if (e.status === 'ok' || e.status === 'partial') next.percent = 100;
    this.jobs.set(e.jobId, next);
  }

  onProgress(e: ProgressEvent): void {
    const cur = this.jobs.get(e.jobId);
    let next: JobProgress;
    if (!cur || (cur.runId !== undefined && cur.runId !== e.runId)) {
      if (cur && !isFinished(cur.status)) return; // late progress of an older run
      next = fresh(e.runId, 'running');
    } else {
      next = { ...cur, runId: e.runId, mailboxes: [...cur.mailboxes] };
    }
    next.percent = Math.max(next.percent, e.percent);
    next.done = e.done;
    next.total = e.total;
    if (e.mailbox && !next.mailboxes.some((m) => m.mailbox === e.mailbox)) next.mailboxes.push({ mailbox: e.mailbox, percent: 100 });
    this.jobs.set(e.jobId, next);
  }

  /** The latest wait of the current run; a wait of another run is ignored while this one runs. */
  onWaiting(e: WaitingEvent): void {
    const cur = this.jobs.get(e.jobId);
    if (cur && cur.runId !== undefined && e.runId && cur.runId !== e.runId && !isFinished(cur.status)) return;
    const base = cur && (!e.runId || cur.runId === undefined || cur.runId === e.runId) ? cur : fresh(e.runId, 'running');
    const { mailbox, ms, until, reason } = e;
    this.jobs.set(e.jobId, { ...base, runId: base.runId ?? e.runId, waiting: { ...(mailbox ? { mailbox } : {}), ms, until, reason } });
  }
}
