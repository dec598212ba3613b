export { buildSetupPlan, renderSetupPlan } from './plan.js';
export { psLiteral, psArray } from './ps-quote.js';
export type { SetupPlan, SetupScript, SetupOptions } from './types.js';
