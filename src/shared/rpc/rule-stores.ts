// RPC methods for the saved presence rule tables and two-way rules (`<config dir>/presence-rules.json`,
// `twoway-rules.json`). The host checks documents with the engines' own schemas; here they only have to be
// objects, so the renderer bundle stays free of core code. A refused save answers presence.rules.invalid or
// input.invalid naming the field.
import { z } from 'zod';

const doc = z.record(z.string(), z.unknown());
const m = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const tableName = z.string().trim().min(1).max(64);
const ruleId = z.string().trim().min(1).max(64);

export const presenceTableSummarySchema = z.object({ name: z.string(), saved: z.boolean(), rules: z.number().int().nonnegative() });
/** saved false: the built-in table (only "default" can be unsaved). */
export const storedPresenceTableSchema = z.object({ name: z.string(), saved: z.boolean(), table: doc });
export type StoredPresenceTableView = z.infer<typeof storedPresenceTableSchema>;

export const ruleStoreMethods = {
  /** Every saved table plus "default" (always there: built-in until saved). */
  'presence.tables.list': m(z.object({}).strict().default({}), z.object({ tables: z.array(presenceTableSummarySchema) })),
  'presence.tables.get': m(z.object({ name: tableName }), storedPresenceTableSchema),
  /** Creates or replaces the named table. */
  'presence.tables.save': m(z.object({ name: tableName, table: z.unknown() }), storedPresenceTableSchema),
  /** Back to the built-in table ("default" forgets its saved version; another name gets a copy of it). */
  'presence.tables.reset': m(z.object({ name: tableName }), storedPresenceTableSchema),
  /** Removes a saved table; removing "default" is the same as resetting it. */
  'presence.tables.remove': m(z.object({ name: tableName }), z.object({ removed: z.boolean() })),
  'twoway.rules.list': m(z.object({}).strict().default({}), z.object({ rules: z.array(doc) })),
  /** Adds the rule or replaces the one with the same id. */
  'twoway.rules.save': m(z.object({ rule: z.unknown() }), z.object({ rule: doc })),
  'twoway.rules.remove': m(z.object({ id: ruleId }), z.object({ removed: z.boolean() })),
} as const;
