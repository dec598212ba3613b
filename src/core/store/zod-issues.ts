// Turns a zod issue into the "field" and "problem" a person can act on: `profiles[2].url` and what is wrong
// with it. Used by the stores (config.invalid) and the CLI (input.invalid).
import type { z } from 'zod';

export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(whole file)';
}

/** The most specific issue: for a union, the branch issue deepest in the document. */
export function firstIssue(error: z.ZodError): z.core.$ZodIssue {
  const issue = error.issues[0];
  return deepestUnionIssue(issue);
}

function deepestUnionIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || issue.errors.length === 0) return issue;
  let best: z.core.$ZodIssue = issue;
  let bestDepth = -1;
  for (const branch of issue.errors) {
    for (const inner of branch) {
      const deep = deepestUnionIssue(inner);
      if (deep.path.length > bestDepth) {
        best = { ...deep, path: [...issue.path, ...deep.path] };
        bestDepth = deep.path.length;
      }
    }
  }
  return best;
}

export function describeIssue(error: z.ZodError, prefix = ''): { field: string; problem: string } {
  const issue = firstIssue(error);
  return { field: formatPath(issue.path, prefix), problem: issue.message };
}
