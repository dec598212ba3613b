// A test or doctor step as it crosses the wire: the engine's step as it is (title and finding as text
// references, a failure as catalogue id + params); each host renders it in its reader's language.
import { testStepSchema } from '../model.js';

/** A test step as the UI receives it: its failure carries the profile's name and mailbox among its params. */
export const testStepViewSchema = testStepSchema;
