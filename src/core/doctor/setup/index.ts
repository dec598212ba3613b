export { buildSetupPlan, renderSetupPlan, setupPlanForReader } from './plan.js';
export { psLiteral, psArray } from './ps-quote.js';
export type { SetupPlan, SetupScript, SetupOptions } from './types.js';
export { jobContentsOf } from './job-contents.js';
