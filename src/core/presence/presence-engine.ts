// Presence from calendar items: drop excluded items, give each remaining item the first rule that matches it,
// then walk the time line from now to the horizon. Where items overlap, the one that ends soonest decides (the
// short meeting inside an all-day absence shows while it runs). All-day items cover their local dates.
// Automatic replies (out of office) are a span of their own while they are on, given to the first rule with
// `automaticReplies: true`; by rule order they beat the items of later rules and yield to those of earlier ones.
import type { NormalisedEvent } from '../../shared/model.js';
import { isKnownZone, localMidnightIso } from '../connectors/zoned-time.js';
import type { AutomaticReplies } from '../connectors/connector.js';
import { wildcard, type PresenceRule, type PresenceTable } from './presence-rules.js';

export interface PresenceSpan {
  status: string;
  start: string;
  end: string;
  /** The rule that produced the status; absent for the idle status. */
  rule?: string;
  eventId?: string;
}

export interface PresenceResult {
  current: PresenceSpan;
  upcoming: PresenceSpan[];
}

interface Active {
  start: number;
  end: number;
  rule: PresenceRule;
  order: number;
  /** Absent for the automatic-replies span. */
  eventId?: string;
}

export function excluded(e: NormalisedEvent, t: PresenceTable): boolean {
  const x = t.exclusions;
  return (
    (x.private && e.sensitivity === 'private') ||
    (x.tentative && e.showAs === 'tentative') ||
    (x.free && e.showAs === 'free') ||
    (x.cancelled && e.isCancelled) ||
    (!!x.marker && e.subject.includes(x.marker))
  );
}

export function matchRule(e: NormalisedEvent, rules: PresenceRule[]): { rule: PresenceRule; order: number } | undefined {
  const order = rules.findIndex(
    (r) =>
      !r.automaticReplies &&
      (!r.subject || wildcard(r.subject, e.subject)) &&
      (!r.location || wildcard(r.location, e.location)) &&
      (!r.showAs || r.showAs.includes(e.showAs)) &&
      (!r.sensitivity || r.sensitivity.includes(e.sensitivity)) &&
      (r.allDay === undefined || r.allDay === e.isAllDay),
  );
  return order < 0 ? undefined : { rule: rules[order], order };
}

/** The instants an item occupies: all-day items from local midnight to local midnight of their zone. */
export function occupied(e: NormalisedEvent, fallbackZone: string): { start: number; end: number } {
  if (!e.isAllDay) return { start: Date.parse(e.start), end: Date.parse(e.end) };
  const zone = isKnownZone(e.timeZone) ? e.timeZone : fallbackZone;
  return { start: Date.parse(localMidnightIso(zone, e.start.slice(0, 10))), end: Date.parse(localMidnightIso(zone, e.end.slice(0, 10))) };
}

function winner(active: Active[], at: number, replies: Active | undefined): Active | undefined {
  let best: Active | undefined;
  for (const a of active) {
    if (!(a.start <= at && at < a.end)) continue;
    if (!best || a.end < best.end || (a.end === best.end && (a.order < best.order || (a.order === best.order && a.start > best.start))))
      best = a;
  }
  const repliesOn = replies && replies.start <= at && at < replies.end;
  return repliesOn && (!best || replies.order < best.order) ? replies : best;
}

/** The span automatic replies are on, for the first rule that asks for them; enabled runs from now past `to`. */
function repliesSpan(r: AutomaticReplies | undefined, rules: PresenceRule[], from: number, to: number): Active | undefined {
  const order = rules.findIndex((x) => x.automaticReplies);
  if (!r || order < 0 || r.state === 'disabled') return undefined;
  const start = r.state === 'enabled' ? from : Date.parse(r.start ?? '');
  const end = r.state === 'enabled' ? Number.POSITIVE_INFINITY : Date.parse(r.end ?? '');
  if (!(start < end) || end <= from || start >= to) return undefined;
  return { start, end, rule: rules[order], order };
}

export function computePresence(
  events: NormalisedEvent[],
  now: Date,
  table: PresenceTable,
  opts: { timeZone?: string; horizonHours?: number; automaticReplies?: AutomaticReplies } = {},
): PresenceResult {
  const from = now.getTime();
  const to = from + (opts.horizonHours ?? table.horizonHours) * 3_600_000;
  const active: Active[] = [];
  for (const e of events) {
    if (excluded(e, table)) continue;
    const m = matchRule(e, table.rules);
    if (!m) continue;
    const span = occupied(e, opts.timeZone ?? 'UTC');
    if (span.end <= from || span.start >= to || span.end <= span.start) continue;
    active.push({ ...span, rule: m.rule, order: m.order, eventId: e.id });
  }
  const replies = repliesSpan(opts.automaticReplies, table.rules, from, to);
  const edges = [...active, ...(replies ? [replies] : [])].flatMap((a) => [a.start, a.end]);
  const cuts = [...new Set([from, to, ...edges.filter((t) => t > from && t < to)])].sort((a, b) => a - b);
  const spans: PresenceSpan[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const w = winner(active, cuts[i], replies);
    const span: PresenceSpan = {
      status: w ? w.rule.status : table.idleStatus,
      start: new Date(cuts[i]).toISOString(),
      end: new Date(cuts[i + 1]).toISOString(),
    };
    if (w) Object.assign(span, { rule: w.rule.name }, w.eventId ? { eventId: w.eventId } : {});
    const last = spans[spans.length - 1];
    // Consecutive spans with the same status are one: nobody sees a status "change" to itself.
    if (last && last.status === span.status) last.end = span.end;
    else spans.push(span);
  }
  const [current, ...upcoming] = spans;
  // The current status started when its item did, which may be before now.
  const w = winner(active, from, replies);
  if (w && w.start < from) current.start = new Date(w.start).toISOString();
  return { current: current, upcoming };
}
