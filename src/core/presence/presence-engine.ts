// Presence from calendar items: drop excluded items, give each remaining item the first rule that matches it,
// then walk the time line from now to the horizon. Where items overlap, the one that ends soonest decides (the
// short meeting inside an all-day absence shows while it runs). All-day items cover their local dates.
import type { NormalisedEvent } from '../../shared/model.js';
import { isKnownZone, localMidnightIso } from '../connectors/zoned-time.js';
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
  eventId: string;
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

function winner(active: Active[], at: number): Active | undefined {
  let best: Active | undefined;
  for (const a of active) {
    if (!(a.start <= at && at < a.end)) continue;
    if (!best || a.end < best.end || (a.end === best.end && (a.order < best.order || (a.order === best.order && a.start > best.start))))
      best = a;
  }
  return best;
}

export function computePresence(
  events: NormalisedEvent[],
  now: Date,
  table: PresenceTable,
  opts: { timeZone?: string; horizonHours?: number } = {},
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
  const cuts = [...new Set([from, to, ...active.flatMap((a) => [a.start, a.end]).filter((t) => t > from && t < to)])].sort((a, b) => a - b);
  const spans: PresenceSpan[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const w = winner(active, cuts[i]);
    const span: PresenceSpan = {
      status: w ? w.rule.status : table.idleStatus,
      start: new Date(cuts[i]).toISOString(),
      end: new Date(cuts[i + 1]).toISOString(),
    };
    if (w) Object.assign(span, { rule: w.rule.name, eventId: w.eventId });
    const last = spans[spans.length - 1];
    // Consecutive spans with the same status are one: nobody sees a status "change" to itself.
    if (last && last.status === span.status) last.end = span.end;
    else spans.push(span);
  }
  const [current, ...upcoming] = spans;
  // The current status started when its item did, which may be before now.
  const w = winner(active, from);
  if (w && w.start < from) current.start = new Date(w.start).toISOString();
  return { current: current, upcoming };
}
