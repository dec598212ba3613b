// Runs doctor steps in order. A step names the steps it needs; when one of those did not pass, the step is
// 'skipped' with the reason instead of running, so the report stops where later steps could not mean anything.
import type { TestStep } from '../../shared/model.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import type { TextRef } from '../../shared/errors.js';
import { stepTitle, type StepId } from './step-titles.js';

export interface StepPass {
  /** Raw facts as the server or the system gave them (an address, a status line, a header). */
  evidence?: string;
  /** What the step found, in words: an engine text the host renders. */
  detail?: TextRef;
  data?: Record<string, string>;
}

export interface StepSpec<C> {
  id: StepId;
  needs?: StepId[];
  run(ctx: C): Promise<StepPass>;
}

export interface RunOptions {
  /** Monotonic milliseconds; injectable so tests never depend on timing. */
  clock?: () => number;
  onStep?: (step: TestStep) => void;
  signal?: AbortSignal;
}

export async function runSteps<C>(specs: StepSpec<C>[], ctx: C, opts: RunOptions): Promise<TestStep[]> {
  const clock = opts.clock ?? (() => performance.now());
  const status = new Map<StepId, TestStep['status']>();
  const steps: TestStep[] = [];
  for (const spec of specs) {
    if (opts.signal?.aborted) throw new CalpumpError('rpc.cancelled');
    const title = stepTitle(spec.id);
    const blocker = (spec.needs ?? []).find((n) => status.get(n) !== 'pass');
    let step: TestStep;
    if (blocker) {
      step = { id: spec.id, title, status: 'skipped', durationMs: 0, needs: blocker };
    } else {
      const t0 = clock();
      try {
        const r = await spec.run(ctx);
        step = { id: spec.id, title, status: 'pass', durationMs: elapsed(clock, t0), ...passed(r) };
      } catch (e) {
        step = failedStep(spec.id, title, elapsed(clock, t0), e);
      }
    }
    status.set(spec.id, step.status);
    steps.push(step);
    opts.onStep?.(step);
  }
  return steps;
}

/** A passed step's findings, leaving out what the step did not report. */
function passed(r: StepPass): Pick<TestStep, 'evidence' | 'detail' | 'data'> {
  return {
    ...(r.evidence !== undefined ? { evidence: r.evidence } : {}),
    ...(r.detail ? { detail: r.detail } : {}),
    ...(r.data ? { data: r.data } : {}),
  };
}

function elapsed(clock: () => number, t0: number): number {
  return Math.max(0, Math.round(clock() - t0));
}

function failedStep(id: StepId, title: TextRef, durationMs: number, e: unknown): TestStep {
  const err = toCalpumpError(e);
  return { id, title, status: 'fail', durationMs, error: err.info(), ...(err.evidence ? { evidence: err.evidence } : {}) };
}
