// Two-way rules in `<config dir>/twoway-rules.json`, by id (unique ignoring case). Saving checks the rule with
// the engine's schema and refuses one whose sides are the same calendar (it would mirror itself forever); the
// error names the field. The id is also the key of the rule's sync state and conflict log, so it never changes
// once saved: saving under an existing id replaces that rule.
import { join } from 'node:path';
import { z } from 'zod';
import { twoWayRuleSchema, type TwoWayRule } from '../twoway/twoway-rule.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { VersionedJsonFile } from './versioned-json-file.js';
import { describeIssue } from './zod-issues.js';

export const TWOWAY_RULES_FILE = 'twoway-rules.json';

const documentSchema = z.object({ schemaVersion: z.literal(1), rules: z.array(twoWayRuleSchema) });
type RulesDocument = z.infer<typeof documentSchema>;

export function parseTwoWayRule(doc: unknown, prefix = 'rule'): TwoWayRule {
  const parsed = twoWayRuleSchema.safeParse(doc);
  if (!parsed.success) throw new CalpumpError('input.invalid', { params: describeIssue(parsed.error, prefix) });
  const rule = parsed.data;
  const same = (x: string | undefined, y: string | undefined) => (x ?? '').toLowerCase() === (y ?? '').toLowerCase();
  if (same(rule.a.mailbox, rule.b.mailbox) && same(rule.a.folder, rule.b.folder) && same(rule.a.profile, rule.b.profile)) {
    throw new CalpumpError('input.invalid', {
      params: { field: `${prefix}.b`, problem: text('problem.twoway.sameCalendar') },
    });
  }
  return rule;
}

export class TwoWayRuleStore {
  readonly file: VersionedJsonFile<RulesDocument>;

  constructor(opts: { dir: string }) {
    this.file = new VersionedJsonFile<RulesDocument>({
      path: join(opts.dir, TWOWAY_RULES_FILE),
      schemaVersion: 1,
      schema: documentSchema,
      empty: () => ({ schemaVersion: 1, rules: [] }),
    });
  }

  async list(): Promise<TwoWayRule[]> {
    return (await this.file.read()).rules;
  }

  async get(id: string): Promise<TwoWayRule> {
    const rules = await this.list();
    const found = rules.find((r) => r.id.toLowerCase() === id.trim().toLowerCase());
    if (!found) throw new CalpumpError('twoway.rule.notFound', { params: { id, known: rules.map((r) => r.id).join(', ') || '(none)' } });
    return found;
  }

  /** Adds the rule, or replaces the one with the same id. */
  async save(doc: unknown): Promise<TwoWayRule> {
    const rule = parseTwoWayRule(doc);
    let saved = rule;
    await this.file.update((d) => {
      const at = d.rules.findIndex((r) => r.id.toLowerCase() === rule.id.toLowerCase());
      // Keep the stored spelling of the id: state files and the conflict log are keyed by it.
      saved = at >= 0 ? { ...rule, id: d.rules[at].id } : rule;
      const rules = [...d.rules];
      if (at >= 0) rules[at] = saved;
      else rules.push(saved);
      return { ...d, rules };
    });
    return saved;
  }

  async remove(id: string): Promise<{ removed: boolean }> {
    let removed = false;
    await this.file.update((d) => {
      const rules = d.rules.filter((r) => r.id.toLowerCase() !== id.trim().toLowerCase());
      removed = rules.length !== d.rules.length;
      return { ...d, rules };
    });
    return { removed };
  }
}
