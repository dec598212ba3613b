// `calpump folders`: one mailbox's folder tree with item counts ("Kalender (42)"), calendars by default.
import type { Command } from 'commander';
import type { Folder, FolderKind } from '../../../shared/model.js';
import type { CliContext } from '../context.js';
import { renderTree } from '../render/tree.js';

const ALL_KINDS: FolderKind[] = ['calendar', 'contacts', 'tasks', 'mail', 'other'];

export function register(program: Command, ctx: CliContext): void {
  program
    .command('folders')
    .description("show a mailbox's calendar folders with item counts (ids to use with export --folder)")
    .requiredOption('--profile <profile>', 'profile name or id')
    .requiredOption('--mailbox <smtp>', 'mailbox address')
    .option('--all-kinds', 'also contacts, tasks, mail and other folders')
    .option('--json', 'machine-readable output')
    .action(async (opts: { profile: string; mailbox: string; allKinds?: boolean; json?: boolean }) => {
      const folders = await ctx.withConnector(opts.profile, (c) => c.folderTree(opts.mailbox, opts.allKinds ? ALL_KINDS : undefined));
      if (opts.json) return ctx.json(folders);
      if (folders.length === 0) return ctx.out(ctx.t('noFolders'));
      ctx.out(renderTree(folders.map((f) => ({ id: f.id, parentId: f.parentId, label: label(f, !!opts.allKinds) }))));
    });
}

function label(f: Folder, showKind: boolean): string {
  // Distinguished folders are addressed by their well-known id; others by their server id.
  const address = f.distinguishedId ?? f.id;
  return `${f.name} (${f.totalCount})${showKind ? ` [${f.kind}]` : ''}   --folder ${address}`;
}
