// `calpump doctor --profile P [--mailbox M] [--json]`: the ordered connection checks of src/core/doctor, each
// with verdict, timing, evidence and — for a failure — meaning, likely causes, fix and delay. Exit 0 only
// when every step passed.
import { renderError } from '../../../shared/i18n/catalogue.js';
import { renderStep, stepForReader } from '../../../shared/i18n/steps.js';
import { Option, type Command } from 'commander';
import type { TestStep } from '../../../shared/model.js';
import type { CliContext } from '../context.js';
import { profileContents } from './profile-contents.js';

const MARK: Record<TestStep['status'], string> = { pass: '✓', fail: '✗', skipped: '-' };

export function register(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description(
      'check a profile step by step (DNS, TCP, TLS, proxy, authentication, mailbox access, calendar) and say how to fix what fails',
    )
    .requiredOption('--profile <profile>', 'profile name or id')
    .addOption(new Option('--mailbox <smtp>', 'mailbox for the mailbox steps').default(undefined, "the profile's test mailbox"))
    .option('--write', 'also create, read back and delete a tagged test item in the mailbox, naming a missing write right')
    .option('--json', 'machine-readable output')
    .action(async (opts: { profile: string; mailbox?: string; write?: boolean; json?: boolean }) => {
      const profile = await ctx.profiles.get(opts.profile);
      const deps = {
        secrets: ctx.secrets,
        logger: ctx.loggerFor(profile),
        env: ctx.io.env,
        now: ctx.io.now,
        createConnector: ctx.services.createConnector,
        createWriter: ctx.services.createWriter,
      };
      const { runDoctor } = await import('../../../core/doctor/run-doctor.js');
      const contents = await profileContents(ctx, profile);
      const report = await runDoctor(profile, deps, { mailbox: opts.mailbox, write: opts.write, contents });
      ctx.exitCode = report.ok ? 0 : 1;
      if (opts.json) {
        const steps = report.steps.map((s) => stepForReader(s, report.steps, ctx.lang));
        const warnings = report.warnings.map((w) => ({ ...renderError(w, ctx.lang), params: w.params }));
        return ctx.json({ ...report, warnings, steps });
      }
      ctx.out(ctx.t('doctor.heading', { profile: report.profile }));
      if (report.mailbox) ctx.out(`  ${ctx.t('doctor.mailbox', { mailbox: report.mailbox })}`);
      for (const w of report.warnings) ctx.out(`  ! ${renderError(w, ctx.lang).message}`);
      ctx.out('');
      for (const step of report.steps) ctx.out(renderStepLines(ctx, step, report.steps));
      ctx.out('');
      const first = report.steps.find((s) => s.status !== 'pass');
      const count = (st: TestStep['status']) => report.steps.filter((s) => s.status === st).length;
      ctx.out(
        first
          ? ctx.t('doctor.stopped', {
              step: renderStep(first, report.steps, ctx.lang).title,
              failed: count('fail'),
              skipped: count('skipped'),
              count: report.steps.length,
            })
          : ctx.t('doctor.allPassed', { count: report.steps.length }),
      );
    });
}

function renderStepLines(ctx: CliContext, step: TestStep, all: readonly TestStep[]): string {
  const { title, detail, error } = renderStep(step, all, ctx.lang);
  const lines = [`${MARK[step.status]} ${title}${step.status === 'skipped' ? '' : ` (${Math.round(step.durationMs)} ms)`}`];
  if (error) lines.push(`    ${error.message}`);
  if (detail) lines.push(`    ${detail}`);
  if (step.evidence) lines.push(`    ${ctx.t('evidence')}: ${step.evidence}`);
  if (error) {
    if (error.causes.length) lines.push(`    ${ctx.t('doctor.causes')}:`, ...error.causes.map((c) => `      - ${c}`));
    lines.push(`    ${ctx.t('fix')}: ${error.fix}`);
    if (error.delay) lines.push(`    ${ctx.t('delay')}: ${error.delay}`);
    lines.push(`    [${error.id}]`);
  }
  return ctx.redactor.string(lines.join('\n'));
}
