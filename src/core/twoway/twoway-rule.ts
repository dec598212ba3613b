// A two-way rule: two calendars kept in step. Each side's own items are mirrored to the other side as Calpump
// copies (tagged with the rule id); per direction, which of create/modify/delete propagate; on a conflict (both
// versions changed since the last run) the master side wins. Conflicts are logged with both versions.
// Mode 'overwrite' is one-way instead: the master side replaces the other side's tagged copies completely on each
// run (restored when edited, deleted when the master no longer has the original); the other side's own items and
// the master side are never written.
import { z } from 'zod';
import { problemKey } from '../../shared/i18n/problem-key.js';

export const TWO_WAY_MODES = ['sync', 'overwrite'] as const;
export type TwoWayMode = (typeof TWO_WAY_MODES)[number];

const sideSchema = z
  .object({
    /** Profile name or id; sides may use different profiles (on-premises ↔ Microsoft 365). */
    profile: z.string().min(1).optional(),
    mailbox: z.string().min(3),
    folder: z.string().min(1).default('calendar'),
  })
  .strict();

const flowSchema = z
  .object({ create: z.boolean().default(true), modify: z.boolean().default(true), delete: z.boolean().default(true) })
  .strict();

export const twoWayRuleSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, problemKey('problem.name.idChars')),
    name: z.string().optional(),
    a: sideSchema,
    b: sideSchema,
    master: z.enum(['a', 'b']),
    /** sync: both ways, per the propagate flags; overwrite: the master replaces the other side's copies (flags unused). */
    mode: z.enum(TWO_WAY_MODES).default('sync'),
    propagate: z
      .object({
        aToB: flowSchema.default({ create: true, modify: true, delete: true }),
        bToA: flowSchema.default({ create: true, modify: true, delete: true }),
      })
      .strict()
      .default({ aToB: { create: true, modify: true, delete: true }, bToA: { create: true, modify: true, delete: true } }),
    window: z
      .object({ daysBack: z.number().int().min(0).max(365).default(7), daysAhead: z.number().int().min(1).max(730).default(90) })
      .strict()
      .default({ daysBack: 7, daysAhead: 90 }),
    /** Private items stay where they are unless this is set. */
    includePrivate: z.boolean().default(false),
    /** Items whose subject contains this marker are not mirrored. */
    excludeMarker: z.string().min(1).optional(),
  })
  .strict();
export type TwoWayRule = z.infer<typeof twoWayRuleSchema>;
export type TwoWayRuleInput = z.input<typeof twoWayRuleSchema>;
export type SideName = 'a' | 'b';
export type Flow = 'create' | 'modify' | 'delete';

export const other = (s: SideName): SideName => (s === 'a' ? 'b' : 'a');

export function allowed(rule: TwoWayRule, from: SideName, flow: Flow): boolean {
  return (from === 'a' ? rule.propagate.aToB : rule.propagate.bToA)[flow];
}
