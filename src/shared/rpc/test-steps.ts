// A test or doctor step as it crosses the wire: the step plus the rendered catalogue entry of its failure.
import { errorInfoSchema } from '../errors.js';
import { testStepSchema } from '../model.js';

/** A test step plus the rendered catalogue entry of its failure, so the form can show message + fix. */
export const testStepViewSchema = testStepSchema.extend({ error: errorInfoSchema.optional() });
