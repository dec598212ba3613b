// The presence rule editor's model: rows as the form edits them (plain strings), the table document the host
// validates, and the "what would this event map to" preview. The preview follows src/core/presence's rules
// (exclusions first, then the first matching rule, else the idle status) without importing core code.
import { asText } from '../../shared/as-text.js';
export const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;
export const SENSITIVITIES = ['normal', 'personal', 'private', 'confidential'] as const;
export type ShowAsValue = (typeof SHOW_AS)[number];
export type SensitivityValue = (typeof SENSITIVITIES)[number];

/**
 * One rule as the editor holds it: empty text = "any"; allDay '' = either. A rule on automatic replies applies
 * while the mailbox's out-of-office replies are on and has no item conditions (the host refuses them).
 */
export interface RuleRow {
  name: string;
  automaticReplies: boolean;
  subject: string;
  location: string;
  showAs: ShowAsValue[];
  sensitivity: SensitivityValue[];
  allDay: '' | 'yes' | 'no';
  status: string;
}

export interface Exclusions {
  private: boolean;
  tentative: boolean;
  free: boolean;
  cancelled: boolean;
  marker: string;
}

export interface RuleTableForm {
  rules: RuleRow[];
  exclusions: Exclusions;
  idleStatus: string;
  horizonHours: number;
}

export interface SampleEvent {
  subject: string;
  location: string;
  showAs: ShowAsValue;
  sensitivity: SensitivityValue;
  isAllDay: boolean;
  isCancelled: boolean;
}

export type Preview =
  | { kind: 'excluded'; reason: keyof Exclusions }
  | { kind: 'rule'; status: string; rule: string; order: number }
  | { kind: 'idle'; status: string };

const DEFAULT_EXCLUSIONS: Exclusions = { private: true, tentative: true, free: true, cancelled: true, marker: '##' };
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(asText) : [asText(v)]);

export function emptyRow(n: number): RuleRow {
  return { name: `rule-${n}`, automaticReplies: false, subject: '', location: '', showAs: [], sensitivity: [], allDay: '', status: 'Busy' };
}

/** A table document (from presence.defaultRules or a file) as form rows. */
export function formFromTable(doc: Record<string, unknown>): RuleTableForm {
  const rules = Array.isArray(doc.rules) ? (doc.rules as Array<Record<string, unknown>>) : [];
  const x = (doc.exclusions ?? {}) as Partial<Exclusions>;
  return {
    rules: rules.map((r) => ({
      name: asText(r.name ?? ''),
      automaticReplies: r.automaticReplies === true,
      subject: typeof r.subject === 'string' ? r.subject : '',
      location: typeof r.location === 'string' ? r.location : '',
      showAs: list(r.showAs) as ShowAsValue[],
      sensitivity: list(r.sensitivity) as SensitivityValue[],
      allDay: r.allDay === true ? 'yes' : r.allDay === false ? 'no' : '',
      status: asText(r.status ?? ''),
    })),
    exclusions: { ...DEFAULT_EXCLUSIONS, ...x },
    idleStatus: typeof doc.idleStatus === 'string' ? doc.idleStatus : 'Available',
    horizonHours: typeof doc.horizonHours === 'number' ? doc.horizonHours : 24,
  };
}

/** The form as the table document presence.validateRules / presence.status take (empty fields left out). */
export function tableFromForm(form: RuleTableForm): Record<string, unknown> {
  return {
    rules: form.rules.map((r) => (r.automaticReplies ? { name: r.name, automaticReplies: true, status: r.status } : itemRule(r))),
    exclusions: form.exclusions,
    idleStatus: form.idleStatus,
    horizonHours: form.horizonHours,
  };
}

function itemRule(r: RuleRow): Record<string, unknown> {
  return {
    name: r.name,
    ...(r.subject ? { subject: r.subject } : {}),
    ...(r.location ? { location: r.location } : {}),
    ...(r.showAs.length ? { showAs: r.showAs } : {}),
    ...(r.sensitivity.length ? { sensitivity: r.sensitivity } : {}),
    ...(r.allDay ? { allDay: r.allDay === 'yes' } : {}),
    status: r.status,
  };
}

export function addRule(form: RuleTableForm): RuleTableForm {
  return { ...form, rules: [...form.rules, emptyRow(form.rules.length + 1)] };
}

export function removeRule(form: RuleTableForm, index: number): RuleTableForm {
  return { ...form, rules: form.rules.filter((_, i) => i !== index) };
}

/** Moves a rule up (-1) or down (+1); order matters because the first matching rule wins. */
export function moveRule(form: RuleTableForm, index: number, by: -1 | 1): RuleTableForm {
  const to = index + by;
  if (index < 0 || index >= form.rules.length || to < 0 || to >= form.rules.length) return form;
  const rules = [...form.rules];
  [rules[index], rules[to]] = [rules[to], rules[index]];
  return { ...form, rules };
}

export function updateRule(form: RuleTableForm, index: number, patch: Partial<RuleRow>): RuleTableForm {
  return { ...form, rules: form.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) };
}

/** Wildcard match (* any run, ? one character), case-insensitive, over the whole text — as the engine does. */
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

export function excludedBy(e: SampleEvent, x: Exclusions): keyof Exclusions | undefined {
  if (x.private && e.sensitivity === 'private') return 'private';
  if (x.tentative && e.showAs === 'tentative') return 'tentative';
  if (x.free && e.showAs === 'free') return 'free';
  if (x.cancelled && e.isCancelled) return 'cancelled';
  if (x.marker && e.subject.includes(x.marker)) return 'marker';
  return undefined;
}

export function previewStatus(form: RuleTableForm, e: SampleEvent): Preview {
  const reason = excludedBy(e, form.exclusions);
  if (reason) return { kind: 'excluded', reason };
  const order = form.rules.findIndex(
    (r) =>
      !r.automaticReplies &&
      (!r.subject || wildcard(r.subject, e.subject)) &&
      (!r.location || wildcard(r.location, e.location)) &&
      (!r.showAs.length || r.showAs.includes(e.showAs)) &&
      (!r.sensitivity.length || r.sensitivity.includes(e.sensitivity)) &&
      (!r.allDay || (r.allDay === 'yes') === e.isAllDay),
  );
  if (order < 0) return { kind: 'idle', status: form.idleStatus };
  const rule = form.rules[order];
  return { kind: 'rule', status: rule.status, rule: rule.name, order };
}
