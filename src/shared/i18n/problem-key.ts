// A zod message that names an engine text instead of being one: `.regex(re, problemKey('problem.name.idChars'))`.
// describeIssue (core/store/zod-issues.ts) turns the issue into a TextRef with the params, which the hosts
// render in the reader's language; the key is checked against engine.json at compile time.
import type { EngineTextKey } from './engine-texts.js';

export function problemKey(key: EngineTextKey & `problem.${string}`): string {
  return key;
}
