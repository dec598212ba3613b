// `calpump jobs history <job> --run-id <id>`: one run in full — its counts, each mailbox, the errors with their fixes,
// and the items it left out (the first ones the record keeps, with the total), in the terminal's language.
import type { RunRecord } from '../../../shared/job.js';
import { renderError } from '../../../shared/i18n/catalogue.js';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import type { CliContext } from '../context.js';
import { renderErrorInfo } from '../render/error.js';
import { renderTable } from '../render/table.js';
import { sayJobs as say } from './jobs-text.js';

/** The run whose id is `ref` or starts with it (the history table shows the first eight characters). */
export function findRun(runs: readonly RunRecord[], job: string, ref: string): RunRecord {
  const exact = runs.find((r) => r.runId === ref);
  const byPrefix = runs.filter((r) => r.runId.startsWith(ref));
  const found = exact ?? (ref.length >= 4 && byPrefix.length === 1 ? byPrefix[0] : undefined);
  if (!found) throw new CalpumpError('pump.runNotFound', { params: { job, run: ref } });
  return found;
}

export function printRunDetail(ctx: CliContext, r: RunRecord): void {
  ctx.out(`${r.runId}  ${r.startedAt}  ${r.status}${r.dryRun ? ` (${say(ctx, 'dry')})` : ''}`);
  ctx.out(say(ctx, 'summary', { ok: r.mailboxesOk, count: r.mailboxesOk + r.mailboxesFailed, written: r.itemsWritten }));
  if (r.mailboxes.length)
    ctx.out(
      renderTable(r.mailboxes, [
        { header: 'MAILBOX', value: (m) => m.mailbox },
        { header: 'ITEMS', value: (m) => String(m.items), align: 'right' },
        { header: 'WRITTEN', value: (m) => String(m.itemsWritten), align: 'right' },
        { header: 'STATUS', value: (m) => (m.ok ? 'ok' : 'failed') },
      ]),
    );
  for (const e of r.errors) ctx.out(`${[e.mailbox, e.folder].filter(Boolean).join(' · ')}\n${renderErrorInfo(e.error, ctx, '  ')}`);
  const skipped = r.skipped ?? [];
  const total = Math.max(r.itemsSkipped ?? 0, skipped.length);
  if (total === 0) return;
  ctx.out(say(ctx, skipped.length < total ? 'skippedFirst' : 'skipped', { total, shown: skipped.length }));
  if (skipped.length)
    ctx.out(
      renderTable(skipped, [
        { header: 'MAILBOX', value: (s) => s.mailbox },
        { header: 'FOLDER', value: (s) => s.folder },
        { header: 'ITEM', value: (s) => s.item },
        { header: 'SUBJECT', value: (s) => s.subject ?? '-' },
        { header: 'REASON', value: (s) => `${renderError(s.reason, ctx.lang).title} [${s.reason.id}]` },
      ]),
    );
  // Each reason's fix once: a hundred meeting requests in calendars need one fix, not a hundred.
  const reasons = new Map(skipped.map((s) => [s.reason.id, s.reason]));
  for (const reason of reasons.values()) ctx.out(renderErrorInfo(reason, ctx));
}
