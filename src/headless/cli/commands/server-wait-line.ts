// The CLI's progress line for a wait the server asked for (job.waiting / announceServerWait): on stderr, so a
// command that waits minutes for Exchange says so instead of looking hung, and --json output stays clean.
import { translate } from '../../../shared/i18n/index.js';
import type { CliContext } from '../context.js';

export function printServerWait(ctx: CliContext, w: { ms: number; reason: string; mailbox?: string; until: string }): void {
  ctx.err(
    translate(ctx.lang, 'jobs.progress.waiting', {
      seconds: Math.round(w.ms / 1000),
      reason: w.reason,
      hasMailbox: w.mailbox ? 'yes' : 'no',
      mailbox: w.mailbox ?? '',
      until: new Intl.DateTimeFormat(ctx.lang, { timeStyle: 'medium' }).format(new Date(w.until)),
    }),
  );
}
