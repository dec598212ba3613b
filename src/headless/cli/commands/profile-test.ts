// `calpump profiles test`: runs the connector's connection steps against one mailbox and prints each with its
// verdict, timing, evidence and — for a failure — the catalogue's meaning and fix. Exit 1 if any step failed.
import type { TextRef } from '../../../shared/errors.js';
import { renderTextParam } from '../../../shared/i18n/engine-texts.js';
import { renderStep, stepForReader } from '../../../shared/i18n/steps.js';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import type { TestStep } from '../../../shared/model.js';
import type { Profile } from '../../../shared/profile.js';
import type { CliContext } from '../context.js';

const MARK: Record<TestStep['status'], string> = { pass: '✓', fail: '✗', skipped: '-' };

export async function runProfileTest(
  ctx: CliContext,
  name: string,
  opts: { mailbox?: string; write?: boolean; json?: boolean },
): Promise<void> {
  await ctx.withConnector(name, async (connector, profile) => {
    const mailbox = opts.mailbox ?? profile.testMailbox ?? defaultMailbox(profile);
    if (!mailbox) {
      throw new CalpumpError('input.invalid', {
        params: {
          field: '--mailbox',
          problem: `give a mailbox to test, or store one with \`calpump profiles edit ${profile.name} --test-mailbox anna@contoso.com\``,
        },
      });
    }
    const steps = await connector.test(mailbox);
    // Writing is checked only once reading works: a write step after a failed sign-in would say nothing new.
    if (opts.write && steps.every((s) => s.status !== 'fail')) {
      const { runWriteCheck } = await import('../../../core/write-check/write-check.js');
      const deps = { secrets: ctx.secrets, logger: ctx.loggerFor(profile), env: ctx.io.env };
      steps.push(...(await runWriteCheck(profile, mailbox, () => ctx.services.createWriter(profile, deps), {}, ctx.lang)));
    }
    const described: Record<string, string | TextRef> = await connector.describe().catch(() => ({}));
    // A fact may be an engine text (the proxy route): the reader gets it in their language, in JSON too.
    const connection = Object.fromEntries(Object.entries(described).map(([k, v]) => [k, renderTextParam(v, ctx.lang)]));
    const failed = steps.filter((s) => s.status === 'fail').length;
    if (failed > 0) ctx.exitCode = 1;
    if (opts.json) {
      ctx.json({
        ok: failed === 0,
        profile: profile.name,
        mailbox,
        connection,
        steps: steps.map((s) => stepForReader(s, steps, ctx.lang)),
      });
      return;
    }
    ctx.out(ctx.t('testing', { profile: profile.name, mailbox }));
    for (const [k, v] of Object.entries(connection)) ctx.out(`  ${k}: ${v}`);
    ctx.out('');
    for (const step of steps) ctx.out(renderStepLines(ctx, step, steps));
    ctx.out(failed === 0 ? ctx.t('allPassed', { count: steps.length }) : ctx.t('someFailed', { failed, count: steps.length }));
  });
}

function renderStepLines(ctx: CliContext, step: TestStep, all: readonly TestStep[]): string {
  const { title, detail, error } = renderStep(step, all, ctx.lang);
  const lines = [`${MARK[step.status]} ${title} (${Math.round(step.durationMs)} ms)`];
  if (error) lines.push(`    ${error.message}`);
  if (detail) lines.push(`    ${detail}`);
  for (const [k, v] of Object.entries(step.data ?? {})) lines.push(`    ${k}: ${v}`);
  if (step.evidence) lines.push(`    ${ctx.t('evidence')}: ${step.evidence}`);
  if (error) lines.push(`    ${ctx.t('fix')}: ${error.fix}`);
  if (error?.delay) lines.push(`    ${ctx.t('delay')}: ${error.delay}`);
  if (error) lines.push(`    [${error.id}]`);
  return ctx.redactor.string(lines.join('\n'));
}

/** An EWS service account given as a UPN usually has a mailbox of its own that is safe to test with. */
function defaultMailbox(profile: Profile): string | undefined {
  if (profile.kind === 'ews' && profile.username.includes('@')) return profile.username;
  return undefined;
}
