// The error half of a failed TestStep (connector test() and the doctor): the catalogue entry rendered in one
// language, with the params kept so a host can render it again in another.
import type { TestStep } from '../../shared/model.js';
import type { Lang } from '../doctor/catalogue.js';
import type { CalpumpError } from './calpump-error.js';

export type StepFailure = Required<Pick<TestStep, 'errorId' | 'message' | 'params'>> & Pick<TestStep, 'fix' | 'delay'>;

export function stepFailure(err: CalpumpError, lang: Lang = 'en'): StepFailure {
  const info = err.info(lang);
  return { errorId: err.id, message: info.message, params: err.params, fix: info.fix, delay: info.delay };
}
