// `calpump setup-script --profile P [--scope-group G] [--json]`: prints the PowerShell an administrator runs
// to give the profile least-privilege access (stdout only, so it can be redirected into a .ps1 file).
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { profileContents } from './profile-contents.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('setup-script')
    .description('print the PowerShell an administrator runs to grant the profile least-privilege access (with a verify step)')
    .requiredOption('--profile <profile>', 'profile name or id')
    .addOption(new Option('--scope-group <group>', 'group whose members Calpump may read').default(undefined, '"Calpump mailboxes"'))
    .option('--write', 'the write-side grants for import and two-way jobs instead, least privilege first')
    .option('--json', 'machine-readable output (the scripts with their titles and notes)')
    .action(async (opts: { profile: string; scopeGroup?: string; write?: boolean; json?: boolean }) => {
      const profile = await ctx.profiles.get(opts.profile);
      const { buildSetupPlan, renderSetupPlan, setupPlanForReader } = await import('../../../core/doctor/setup/index.js');
      // Contacts and tasks jobs of this profile add their read permissions (Graph) to the script.
      const contents = await profileContents(ctx, profile);
      const plan = buildSetupPlan(profile, { scopeGroup: opts.scopeGroup, write: opts.write, contents });
      if (opts.json) return ctx.json(setupPlanForReader(plan, ctx.lang));
      ctx.io.stdout.write(renderSetupPlan(plan, ctx.lang));
    });
}
