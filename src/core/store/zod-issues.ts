// Turns a zod issue into the "field" and "problem" a person can act on: `profiles[2].url` and what is wrong
// with it. Used by the stores (config.invalid), the RPC dispatcher and the CLI (input.invalid). The problem is an
// engine text, never zod's English: a schema's own message is an engine key (problemKey in shared/i18n) that
// becomes a TextRef with the issue's params; zod's built-in checks (a wrong type, too short, an unknown field…)
// become problem.schema.* texts keyed by the issue's code, with the limits and values as params.
import type { z } from 'zod';
import type { TextRef } from '../../shared/errors.js';
import { engineTextTables, text, type EngineTextKey } from '../../shared/i18n/engine-texts.js';

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

type Params = NonNullable<TextRef['params']>;

const isEngineKey = (message: string): message is EngineTextKey => Object.prototype.hasOwnProperty.call(engineTextTables.en, message);

/** A value as a text parameter: numbers stay numbers (formatted for the reader), the rest plain text. */
function value(v: unknown): string | number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}

const quoted = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ');

const SIZED = new Set(['array', 'set', 'map', 'file']);

/** A built-in check's failure as an engine text, keyed by the issue's code, with the issue's facts as params. */
function builtIn(issue: z.core.$ZodIssue): TextRef {
  switch (issue.code) {
    case 'invalid_type':
      return text('problem.schema.invalidType', { expected: issue.expected });
    case 'invalid_value':
      return text('problem.schema.oneOf', { count: issue.values.length, values: quoted(issue.values) });
    case 'too_small': {
      const limit = value(issue.minimum);
      if (issue.origin === 'string') return text('problem.schema.tooShort', { limit, exact: issue.exact ? 'yes' : 'no' });
      if (SIZED.has(issue.origin)) return text('problem.schema.tooFew', { limit });
      return text('problem.schema.tooSmall', { limit, inclusive: issue.inclusive === false ? 'no' : 'yes' });
    }
    case 'too_big': {
      const limit = value(issue.maximum);
      if (issue.origin === 'string') return text('problem.schema.tooLong', { limit, exact: issue.exact ? 'yes' : 'no' });
      if (SIZED.has(issue.origin)) return text('problem.schema.tooMany', { limit });
      return text('problem.schema.tooBig', { limit, inclusive: issue.inclusive === false ? 'no' : 'yes' });
    }
    case 'invalid_format': {
      const f = issue as z.core.$ZodIssueInvalidStringFormat & { prefix?: string; suffix?: string; includes?: string };
      return text('problem.schema.format', { format: f.format, detail: f.prefix ?? f.suffix ?? f.includes ?? f.pattern ?? '' });
    }
    case 'not_multiple_of':
      return text('problem.schema.multipleOf', { divisor: value(issue.divisor) });
    case 'unrecognized_keys':
      return text('problem.schema.unknownKeys', { count: issue.keys.length, keys: issue.keys.join(', ') });
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      return options?.length
        ? text('problem.schema.oneOf', { count: options.length, values: quoted(options) })
        : text('problem.schema.noVariant');
    }
    case 'invalid_key':
      return text('problem.schema.invalidKey');
    case 'invalid_element':
      return text('problem.schema.invalidElement');
    default:
      return text('problem.schema.invalid');
  }
}

/**
 * What is wrong, as an engine text: the schema's own key (with the params a custom check gave), else the built-in
 * check's text.
 */
export function issueProblem(issue: z.core.$ZodIssue): TextRef {
  if (!isEngineKey(issue.message)) return builtIn(issue);
  const params: Params = {};
  if (issue.code === 'custom') for (const [k, v] of Object.entries(issue.params ?? {})) if (v !== undefined) params[k] = value(v);
  return text(issue.message, Object.keys(params).length ? params : undefined);
}

export function describeIssue(error: z.ZodError, prefix = ''): { field: string; problem: TextRef } {
  const issue = firstIssue(error);
  return { field: formatPath(issue.path, prefix), problem: issueProblem(issue) };
}
