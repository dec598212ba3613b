// A stored job of type 'import' run like any other job: its `import` document goes through runImport with the
// profile's writer, and the report becomes a RunRecord (mailboxes ok/failed, items written) plus progress events.
import type { CalendarWriter } from '../connectors/writer.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { text } from '../../shared/i18n/engine-texts.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { JobRunResult, RunJobOptions } from '../sync/run-job.js';
import type { Job, PumpEvent } from '../../shared/job.js';
import { importJobSchema } from './import-job.js';
import { runImport } from './run-import.js';
import { runTyped } from '../sync/typed-run.js';
import { describeIssue } from '../store/zod-issues.js';

export interface ImportJobRunDeps {
  writer?: CalendarWriter;
  secrets: SecretStore;
  logger: Logger;
  /** Where the import keeps which mailboxes it wrote to. */
  stateDir: string;
  now?: () => Date;
  onEvent?: (e: PumpEvent) => void;
  newRunId?: () => string;
  startedAt?: string;
}

export async function runImportJob(job: Job, deps: ImportJobRunDeps, opts: RunJobOptions = {}): Promise<JobRunResult> {
  return runTyped(
    job,
    'import',
    deps,
    opts,
    (f) => f.upserts + f.deletes,
    async (run) => {
      if (!deps.writer)
        throw new CalpumpError('input.invalid', {
          params: { field: 'type', problem: text('problem.host.noImport') },
        });
      const parsed = importJobSchema.safeParse({ id: job.id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64), ...job.import });
      if (!parsed.success) throw new CalpumpError('input.invalid', { params: describeIssue(parsed.error, 'import') });
      run.started(parsed.data.mailboxes.length);
      const report = await runImport(
        parsed.data,
        { dryRun: run.dryRun },
        { writer: deps.writer, logger: run.log, secrets: deps.secrets, now: run.now, stateDir: deps.stateDir, signal: opts.signal },
      );
      if (report.error) run.error({ error: report.error });
      for (const r of report.rowErrors) run.error({ folder: `${r.file}:${r.line}`, error: r.error });
      const folder = parsed.data.folder;
      for (const m of report.mailboxes) {
        const written = m.creates + m.updates + m.deletes;
        const [first, ...rest] = m.errors;
        run.finished(
          {
            mailbox: m.mailbox,
            folder,
            ok: m.ok,
            items: m.creates + m.updates + m.unchanged,
            upserts: run.dryRun ? 0 : m.creates + m.updates,
            deletes: run.dryRun ? 0 : m.deletes,
            ...(first ? { error: first.error } : {}),
          },
          report.mailboxes.length,
          written,
        );
        for (const e of rest) run.error({ mailbox: m.mailbox, folder, error: e.error });
      }
    },
  );
}
