export { twoWayRuleSchema, type TwoWayRule, type TwoWayRuleInput } from './twoway-rule.js';
export { runTwoWay, type TwoWayDeps, type TwoWayReport, type ConflictEntry, type TwoWaySide } from './run-twoway.js';
export { decide, type PairInput, type Decision } from './twoway-decide.js';
