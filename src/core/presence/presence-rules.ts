// The presence rule table: ordered rules (first match wins) from calendar items to a status, exclusions that
// make an item invisible to presence, and the status when nothing applies. Loaded from JSON and validated;
// DEFAULT_RULE_TABLE is what `calpump presence --print-default-rules` prints.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { sensitivitySchema, showAsSchema } from '../../shared/model.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { describeIssue } from '../store/zod-issues.js';
import { problemKey } from '../../shared/i18n/problem-key.js';
import { text as textRef } from '../../shared/i18n/engine-texts.js';

/** Common values (Teams' availability/activity names); any other text is passed through as given. */
export const PRESENCE_STATUSES = [
  'Available',
  'Busy',
  'DoNotDisturb',
  'InAMeeting',
  'InACall',
  'Presenting',
  'Away',
  'BeRightBack',
  'OutOfOffice',
  'Offline',
] as const;

const oneOrMany = <T extends z.ZodTypeAny>(s: T) =>
  z.union([s, z.array(s).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as Array<z.infer<T>>);

/** The conditions on a calendar item; a rule on automatic replies may not have any of them. */
export const ITEM_CONDITIONS = ['subject', 'location', 'showAs', 'sensitivity', 'allDay'] as const;

export const presenceRuleSchema = z
  .object({
    name: z.string().min(1),
    /** Wildcard on the subject: * any text, ? one character; case-insensitive, whole subject. */
    subject: z.string().min(1).optional(),
    location: z.string().min(1).optional(),
    showAs: oneOrMany(showAsSchema).optional(),
    sensitivity: oneOrMany(sensitivitySchema).optional(),
    allDay: z.boolean().optional(),
    /**
     * While the mailbox's automatic replies (out of office) are on — always when enabled, inside the window when
     * scheduled — instead of a calendar item. Wins over the items of rules below it, loses to those above it.
     */
    automaticReplies: z.literal(true).optional(),
    status: z.string().min(1).max(64),
  })
  .strict()
  .superRefine((r, ctx) => {
    const both = r.automaticReplies ? ITEM_CONDITIONS.find((k) => r[k] !== undefined) : undefined;
    if (both)
      ctx.addIssue({
        code: 'custom',
        path: [both],
        message: problemKey('problem.presence.autoRepliesExcludes'),
      });
  });
export type PresenceRule = z.infer<typeof presenceRuleSchema>;

export const presenceTableSchema = z
  .object({
    rules: z.array(presenceRuleSchema),
    exclusions: z
      .object({
        private: z.boolean().default(true),
        tentative: z.boolean().default(true),
        free: z.boolean().default(true),
        cancelled: z.boolean().default(true),
        /** Items whose subject contains this text are ignored ("##" by default; empty = off). */
        marker: z.string().default('##'),
      })
      .strict()
      .default({ private: true, tentative: true, free: true, cancelled: true, marker: '##' }),
    idleStatus: z.string().min(1).max(64).default('Available'),
    horizonHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(24),
  })
  .strict();
export type PresenceTable = z.infer<typeof presenceTableSchema>;
export type PresenceTableInput = z.input<typeof presenceTableSchema>;

export const DEFAULT_RULE_TABLE_INPUT: PresenceTableInput = {
  rules: [
    { name: 'out-of-office', showAs: 'oof', status: 'OutOfOffice' },
    { name: 'focus-time', subject: '*focus*', status: 'DoNotDisturb' },
    { name: 'call', subject: '*call*', status: 'InACall' },
    { name: 'presentation', subject: '*present*', status: 'Presenting' },
    { name: 'working-elsewhere', showAs: 'workingElsewhere', status: 'Away' },
    { name: 'personal', sensitivity: 'personal', status: 'Away' },
    { name: 'online-meeting', location: '*teams*', status: 'InAMeeting' },
    { name: 'meeting-with-location', location: '?*', showAs: 'busy', status: 'InAMeeting' },
    { name: 'busy', showAs: 'busy', status: 'Busy' },
  ],
  exclusions: { private: true, tentative: true, free: true, cancelled: true, marker: '##' },
  idleStatus: 'Available',
  horizonHours: 24,
};
/** True when a rule reads automatic replies (then, and only then, a run asks the server for them). */
export function usesAutomaticReplies(t: PresenceTable): boolean {
  return t.rules.some((r) => r.automaticReplies);
}

export const DEFAULT_RULE_TABLE: PresenceTable = presenceTableSchema.parse(DEFAULT_RULE_TABLE_INPUT);

export function parseRuleTable(doc: unknown, file: string): PresenceTable {
  const r = presenceTableSchema.safeParse(doc);
  if (r.success) return r.data;
  const { field, problem } = describeIssue(r.error);
  throw new CalpumpError('presence.rules.invalid', { params: { file, field, problem } });
}

export async function loadRuleTable(file: string): Promise<PresenceTable> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CalpumpError('presence.rules.invalid', { params: { file, field: '(file)', problem: (e as Error).message }, cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CalpumpError('presence.rules.invalid', {
      params: { file, field: '(whole file)', problem: textRef('problem.file.invalidJson', { detail: (e as Error).message }) },
      cause: e,
    });
  }
  return parseRuleTable(doc, file);
}

/** Wildcard match (* any run, ? one character), case-insensitive, over the whole text. */
export function wildcard(pattern: string, text: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'is',
  );
  return re.test(text);
}
