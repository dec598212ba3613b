// Tests read an error the way a user does: rendered from its id and params in one language.
import { renderError, type Lang, type RenderedError } from '../../src/shared/i18n/catalogue.js';
import type { ErrorInfo } from '../../src/shared/errors.js';
import type { TestStep } from '../../src/shared/model.js';
import { renderStep } from '../../src/shared/i18n/steps.js';

/** The error rendered in `lang` (English by default); a missing error renders as empty texts. */
export function rendered(error: ErrorInfo | undefined, lang: Lang = 'en'): RenderedError {
  if (!error) return { id: '', title: '', message: '', fix: '', causes: [] };
  return renderError(error, lang);
}

/** A test step's failure as the reader sees it. */
export function stepError(step: TestStep | undefined, lang: Lang = 'en'): RenderedError {
  return rendered(step?.error, lang);
}

/** What a passed step found, as the reader sees it (its detail in `lang`); '' without one. */
export function stepDetail(step: TestStep | undefined, lang: Lang = 'en'): string {
  return step ? (renderStep(step, [step], lang).detail ?? '') : '';
}
