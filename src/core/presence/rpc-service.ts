// UI-facing presence calls, ready for the RPC contract (src/shared/rpc.ts is another team's file): the schemas
// below are what `presence.status`, `presence.defaultRules` and `presence.validateRules` would carry.
import { z } from 'zod';
import { errorInfoSchema } from '../../shared/errors.js';
import type { Connector } from '../connectors/connector.js';
import { toCalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';
import {
  DEFAULT_RULE_TABLE,
  DEFAULT_RULE_TABLE_INPUT,
  parseRuleTable,
  presenceTableSchema,
  type PresenceTable,
  type PresenceTableInput,
} from './presence-rules.js';
import { runPresence } from './run-presence.js';
import { omit } from '../../shared/omit.js';

const spanSchema = z.object({
  status: z.string(),
  start: z.string(),
  end: z.string(),
  rule: z.string().optional(),
  eventId: z.string().optional(),
});

export const presenceStatusInput = z
  .object({
    profileId: z.string().min(1),
    mailboxes: z.array(z.string().min(3)).min(1).max(100),
    folder: z.string().min(1).default('calendar'),
    /** ISO time with zone; default now. */
    at: z.iso.datetime({ offset: true }).optional(),
    horizonHours: z.number().int().min(1).max(336).optional(),
    /** A rule table to use instead of the default (e.g. the one being edited). */
    rules: z.unknown().optional(),
    /** A saved table by name (when `rules` is absent); default: the saved "default" table. */
    table: z.string().min(1).max(64).optional(),
  })
  .strict();

export const presenceStatusOutput = z.object({
  at: z.string(),
  mailboxes: z.array(
    z.object({
      mailbox: z.string(),
      ok: z.boolean(),
      current: spanSchema.optional(),
      upcoming: z.array(spanSchema).optional(),
      automaticReplies: z
        .object({
          state: z.enum(['disabled', 'enabled', 'scheduled']),
          start: z.string().optional(),
          end: z.string().optional(),
          active: z.boolean(),
        })
        .optional(),
      error: errorInfoSchema.optional(),
    }),
  ),
});

export const validateRulesOutput = z.union([
  z.object({ ok: z.literal(true), table: presenceTableSchema }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);

export interface PresenceServiceDeps {
  connectorFor(profileId: string): Promise<Connector>;
  logger: Logger;
  now?: () => Date;
  /** A saved rule table by name (src/core/store/presence-rule-store.ts); absent = the built-in table only. */
  savedTable?: (name: string) => Promise<PresenceTable>;
}

export function createPresenceService(deps: PresenceServiceDeps) {
  return {
    defaultRules(): PresenceTableInput {
      return structuredClone(DEFAULT_RULE_TABLE_INPUT);
    },
    validateRules(doc: unknown): z.infer<typeof validateRulesOutput> {
      try {
        return { ok: true, table: parseRuleTable(doc, '(rule table)') };
      } catch (e) {
        return { ok: false, error: toCalpumpError(e).info() };
      }
    },
    async status(raw: z.input<typeof presenceStatusInput>): Promise<z.infer<typeof presenceStatusOutput>> {
      const input = presenceStatusInput.parse(raw);
      const table =
        input.rules !== undefined
          ? parseRuleTable(input.rules, '(rule table)')
          : deps.savedTable
            ? await deps.savedTable(input.table ?? 'default')
            : DEFAULT_RULE_TABLE;
      const at = input.at ? new Date(input.at) : (deps.now?.() ?? new Date());
      const connector = await deps.connectorFor(input.profileId);
      const results = await runPresence(
        { mailboxes: input.mailboxes, folder: input.folder, table, horizonHours: input.horizonHours },
        { connector, logger: deps.logger, now: () => at },
      );
      return { at: at.toISOString(), mailboxes: results.map((r) => omit(r, 'generatedAt', 'file')) };
    },
  };
}
