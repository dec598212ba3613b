// `calpump mailboxes`: the directory as the profile's account sees it (users, rooms, equipment), all pages.
import type { Command } from 'commander';
import type { Mailbox } from '../../../shared/model.js';
import type { CliContext } from '../context.js';
import { renderTable } from '../render/table.js';
import { positiveInt } from './parse.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('mailboxes')
    .description('list mailboxes (users, rooms, equipment) the profile can see')
    .requiredOption('--profile <profile>', 'profile name or id')
    .option('--search <text>', 'only names or addresses containing this text')
    .option('--rooms', 'only room mailboxes')
    .option('--limit <n>', 'stop after this many', positiveInt('--limit'))
    .option('--json', 'machine-readable output')
    .action(async (opts: { profile: string; search?: string; rooms?: boolean; limit?: number; json?: boolean }) => {
      const found = await ctx.withConnector(opts.profile, async (connector) => {
        const out: Mailbox[] = [];
        let cursor: string | undefined;
        const seen = new Set<string>();
        do {
          const page = await connector.listMailboxes(opts.search, cursor);
          for (const m of page.items) if (!opts.rooms || m.kind === 'room') out.push(m);
          // A server that hands back the same cursor would otherwise loop forever.
          cursor = page.nextCursor && !seen.has(page.nextCursor) ? page.nextCursor : undefined;
          if (cursor) seen.add(cursor);
        } while (cursor && (opts.limit === undefined || out.length < opts.limit));
        return opts.limit === undefined ? out : out.slice(0, opts.limit);
      });
      if (opts.json) return ctx.json(found);
      if (found.length === 0) return ctx.out(ctx.t('noMailboxes'));
      // EWS directory searches rarely return UPNs; an always-empty column is noise.
      const showUpn = found.some((m) => m.upn && m.upn !== m.smtp);
      ctx.out(
        renderTable(found, [
          { header: 'DISPLAY NAME', value: (m) => m.displayName },
          { header: 'SMTP', value: (m) => m.smtp },
          ...(showUpn ? [{ header: 'UPN', value: (m: Mailbox) => m.upn ?? '' }] : []),
          { header: 'KIND', value: (m) => m.kind },
        ]),
      );
      ctx.out(ctx.t('mailboxCount', { count: found.length }));
    });
}
