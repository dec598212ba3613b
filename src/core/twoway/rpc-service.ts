// UI-facing two-way calls, ready for the RPC contract: `twoway.run` (one run of a rule) and
// `twoway.conflicts` (the newest entries of the rule's conflict log, both versions each).
import { readFile } from 'node:fs/promises';
import type { Logger } from '../log/logger.js';
import { runTwoWay, type ConflictEntry, type TwoWayReport, type TwoWaySide } from './run-twoway.js';
import { twoWayRuleSchema, type TwoWayRuleInput } from './twoway-rule.js';
import { conflictLogPath } from './twoway-state.js';

export interface TwoWayServiceDeps {
  /** Connector and writer for a side's profile (rule side profile, else the default one). */
  sideFor(profileId: string | undefined): Promise<TwoWaySide & { close(): Promise<void> }>;
  stateDir: string;
  logger: Logger;
}

export function createTwoWayService(deps: TwoWayServiceDeps) {
  return {
    /** dryRun: decide and list every write per side (`planned`), write nothing, keep state and conflict log. */
    async run(raw: TwoWayRuleInput, opts: { dryRun?: boolean } = {}): Promise<TwoWayReport> {
      const rule = twoWayRuleSchema.parse(raw);
      const a = await deps.sideFor(rule.a.profile);
      const b = await deps.sideFor(rule.b.profile);
      try {
        return await runTwoWay(rule, { a, b, stateDir: deps.stateDir, logger: deps.logger, dryRun: opts.dryRun });
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    },
    async conflicts(ruleId: string, limit = 50): Promise<ConflictEntry[]> {
      let text = '';
      try {
        text = await readFile(conflictLogPath(deps.stateDir, ruleId), 'utf8');
      } catch {
        return [];
      }
      return text
        .split('\n')
        .filter(Boolean)
        .slice(-limit)
        .reverse()
        .map((l) => JSON.parse(l) as ConflictEntry);
    },
  };
}
