// A connection test or doctor step as a reader sees it: its title and finding from the engine texts, a skipped
// step's reason (the earlier step it needed), and its failure from the catalogue — all in one language.
import type { TestStep } from '../model.js';
import { renderError, type Lang, type RenderedError } from './catalogue.js';
import { renderEngineText } from './engine-texts.js';
import { omit } from '../omit.js';

export interface RenderedStep {
  title: string;
  /** What the step found, or why it was skipped. */
  detail?: string;
  error?: RenderedError;
}

export function renderStep(step: TestStep, all: readonly TestStep[], lang: Lang): RenderedStep {
  const blocker = step.needs === undefined ? undefined : all.find((s) => s.id === step.needs);
  const detail = step.detail
    ? renderEngineText(step.detail, lang)
    : step.needs !== undefined
      ? renderEngineText({ key: 'step.skipped', params: { step: blocker ? renderEngineText(blocker.title, lang) : step.needs } }, lang)
      : undefined;
  return {
    title: renderEngineText(step.title, lang),
    ...(detail !== undefined ? { detail } : {}),
    ...(step.error ? { error: renderError(step.error, lang) } : {}),
  };
}

/** A step as the CLI's --json prints it: the engine's facts plus the words, in one language (a stable document
 * for scripts: title, errorId, message, fix, causes, delay as before). */
export function stepForReader(step: TestStep, all: readonly TestStep[], lang: Lang): Record<string, unknown> {
  const { title, detail, error } = renderStep(step, all, lang);
  const { error: info, ...facts } = omit(step, 'title', 'detail');
  return {
    ...facts,
    title,
    ...(detail !== undefined ? { detail } : {}),
    ...(error
      ? {
          errorId: error.id,
          message: error.message,
          fix: error.fix,
          ...(error.causes.length ? { causes: error.causes } : {}),
          ...(error.delay ? { delay: error.delay } : {}),
          params: info?.params,
        }
      : {}),
  };
}
