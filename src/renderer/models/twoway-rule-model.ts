// The two-way rule form without React: the fields the screen edits (rule id, the two mailboxes and profiles,
// the master side, the mode (sync, or overwrite: the master replaces the other side's copies), which of
// create/modify/delete flow each way) ↔ the rule document the host checks, runs and
// saves. Parts of a saved rule the form does not edit (folders, window, private items, marker, name) are kept
// and sent back unchanged. Side A always names its profile, so the saved rule also runs from the CLI.
import { omit } from '../../shared/omit.js';

export const FLOWS = ['create', 'modify', 'delete'] as const;
export type FlowName = (typeof FLOWS)[number];
export type Direction = 'aToB' | 'bToA';
export type Flows = Record<FlowName, boolean>;

export interface TwoWayForm {
  id: string;
  mailboxA: string;
  mailboxB: string;
  /** '' = the same profile as side A. */
  profileB: string;
  master: 'a' | 'b';
  /** sync: both ways per the flows; overwrite: the master side replaces the other side's copies (flows unused). */
  mode: 'sync' | 'overwrite';
  propagate: Record<Direction, Flows>;
  /** What a loaded rule had beyond the form's fields. */
  keep: { rule: Record<string, unknown>; a: Record<string, unknown>; b: Record<string, unknown> };
}

const allFlows = (): Flows => ({ create: true, modify: true, delete: true });
/** A new rule copies new and changed items both ways; deleting is something to switch on knowingly. */
const newRuleFlows = (): Flows => ({ create: true, modify: true, delete: false });
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function emptyTwoWayForm(): TwoWayForm {
  return {
    id: '',
    mailboxA: '',
    mailboxB: '',
    profileB: '',
    master: 'a',
    mode: 'sync',
    propagate: { aToB: newRuleFlows(), bToA: newRuleFlows() },
    keep: { rule: {}, a: {}, b: {} },
  };
}

export function twoWayFormFromRule(doc: Record<string, unknown>): TwoWayForm {
  const { id, a, b, master, mode, propagate, ...rule } = doc;
  // Side A's profile is the screen's profile picker (profileOfSideA), not something the form keeps.
  const { mailbox: mA, ...restA } = omit(obj(a), 'profile');
  const { mailbox: mB, profile: pB, ...restB } = obj(b);
  const flows = (v: unknown): Flows => ({ ...allFlows(), ...(obj(v) as Partial<Flows>) });
  return {
    id: str(id),
    mailboxA: str(mA),
    mailboxB: str(mB),
    profileB: str(pB),
    master: master === 'b' ? 'b' : 'a',
    mode: mode === 'overwrite' ? 'overwrite' : 'sync',
    propagate: { aToB: flows(obj(propagate).aToB), bToA: flows(obj(propagate).bToA) },
    keep: { rule, a: restA, b: restB },
  };
}

/** Side A's profile of a saved rule (the screen's profile picker follows it). */
export const profileOfSideA = (doc: Record<string, unknown>): string | undefined => str(obj(doc.a).profile) || undefined;

export function ruleFromTwoWayForm(f: TwoWayForm, profileA: string | undefined): Record<string, unknown> {
  return {
    ...f.keep.rule,
    id: f.id.trim(),
    a: { ...f.keep.a, mailbox: f.mailboxA.trim(), ...(profileA ? { profile: profileA } : {}) },
    b: { ...f.keep.b, mailbox: f.mailboxB.trim(), ...(f.profileB ? { profile: f.profileB } : {}) },
    master: f.master,
    mode: f.mode,
    propagate: f.propagate,
  };
}

export function twoWayFormReady(f: TwoWayForm): boolean {
  return !!f.id.trim() && f.mailboxA.trim().length > 2 && f.mailboxB.trim().length > 2;
}

export function setFlow(f: TwoWayForm, dir: Direction, flow: FlowName, on: boolean): TwoWayForm {
  return { ...f, propagate: { ...f.propagate, [dir]: { ...f.propagate[dir], [flow]: on } } };
}
