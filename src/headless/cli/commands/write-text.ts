// Words the import, presence, free/busy and two-way commands print around data: `write.*` in
// src/shared/locales/<lang>/cli.json.
import type { CliContext } from '../context.js';
import type { CliMessageKey } from '../messages.js';

type WriteKey = CliMessageKey extends infer K ? (K extends `write.${infer Name}` ? Name : never) : never;

export function say(ctx: CliContext, key: WriteKey, params: Record<string, string | number> = {}): string {
  return ctx.t(`write.${key}`, params);
}
