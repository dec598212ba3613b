// Words the `calpump jobs` commands print around data: `jobs.*` in src/shared/locales/<lang>/cli.json.
import type { CliContext } from '../context.js';
import type { CliMessageKey } from '../messages.js';

type JobsKey = CliMessageKey extends infer K ? (K extends `jobs.${infer Name}` ? Name : never) : never;

export function sayJobs(ctx: CliContext, key: JobsKey, params: Record<string, string | number> = {}): string {
  return ctx.t(`jobs.${key}`, params);
}
