// A connection test or doctor step as a reader sees it: its title and finding from the engine texts, a skipped
// step's reason (the earlier step it needed), and its failure from the catalogue — all in one language.
import type { TestStep } from '../model.js';
import { omit } from '../omit.js';
import { catalogueTableFor, type Lang } from './catalogue.js';
import { engineTableFor } from './engine-texts.js';
import { renderStepIn, type RenderedStep } from './render-tables.js';

export type { RenderedStep } from './render-tables.js';

export function renderStep(step: TestStep, all: readonly TestStep[], lang: Lang): RenderedStep {
  return renderStepIn({ catalogue: catalogueTableFor(lang), engine: engineTableFor(lang) }, step, all, lang);
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
