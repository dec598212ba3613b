// Runs one two-way rule: read both calendars in the window (originals) and Calpump's copies on both sides (by
// tag), decide per pair, write in batches per side, then commit the new state and append conflicts to the log.
// A crash before the commit is safe: the next run pairs copies with their originals again by their tags.
// Overwrite mode (see twoway-rule.ts) runs the same way; only the decision per pair differs.
import type { ErrorInfo } from '../../shared/errors.js';
import { eventKey, type NormalisedEvent } from '../../shared/model.js';
import type { Connector } from '../connectors/connector.js';
import type { CalendarWriter, OwnedItem, WriteOutcome, WriteRequest } from '../connectors/writer.js';
import { toCalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';
import { appointmentOf, describeVersion, nativeFields, versionHash, versionOfEvent, type Version } from './twoway-content.js';
import { decide, type Decision, type PairAction } from './twoway-decide.js';
import { other, type SideName, type TwoWayRule } from './twoway-rule.js';
import { appendConflicts, loadTwoWayState, saveTwoWayState, type TwoWayState } from './twoway-state.js';

export interface TwoWaySide {
  connector: Connector;
  writer: CalendarWriter;
}

export interface TwoWayDeps {
  a: TwoWaySide;
  b: TwoWaySide;
  stateDir: string;
  logger: Logger;
  now?: () => Date;
  /** Decide and count what would propagate, write nothing, keep state and conflict log as they are. */
  dryRun?: boolean;
}

export interface ConflictEntry {
  time: string;
  rule: string;
  key: string;
  master: SideName;
  winner: SideName;
  action: PairAction;
  a: Record<string, unknown> | null;
  b: Record<string, unknown> | null;
}

type Counts = { a: number; b: number };
export interface TwoWayReport {
  rule: string;
  created: Counts;
  updated: Counts;
  deleted: Counts;
  unchanged: number;
  conflicts: ConflictEntry[];
  errors: Array<{ key: string; side: SideName; error: ErrorInfo }>;
  /** Dry runs only: every write the run would make, per side. */
  planned?: PlannedWrite[];
}

export interface PlannedWrite {
  side: SideName;
  action: 'create' | 'update' | 'delete';
  key: string;
  subject?: string;
}

interface SideView {
  natives: Map<string, Version>;
  copies: Map<string, OwnedItem[]>;
}

interface Planned {
  key: string;
  origin: SideName;
  decision: Decision;
  native?: Version;
  copy?: OwnedItem;
}

async function readSide(rule: TwoWayRule, name: SideName, side: TwoWaySide, from: Date, to: Date): Promise<SideView> {
  const cfg = rule[name];
  const copies = new Map<string, OwnedItem[]>();
  for (const o of await side.writer.listOwned(cfg.mailbox, cfg.folder, { scope: rule.id }))
    copies.set(o.sourceKey, [...(copies.get(o.sourceKey) ?? []), o]);
  const copyIds = new Set([...copies.values()].flat().map((o) => o.id));
  const natives = new Map<string, Version>();
  for await (const e of side.connector.calendarView(cfg.mailbox, cfg.folder, from, to)) {
    if (copyIds.has(e.id) || !mirrored(rule, e)) continue;
    natives.set(`${name}:${eventKey(e)}`, versionOfEvent(e));
  }
  return { natives, copies };
}

function mirrored(rule: TwoWayRule, e: NormalisedEvent): boolean {
  if (e.isCancelled) return false;
  if (!rule.includePrivate && e.sensitivity === 'private') return false;
  return !(rule.excludeMarker && e.subject.includes(rule.excludeMarker));
}

const copyVersion = (o: OwnedItem): Version => ({ ...o, seriesId: undefined });

export async function runTwoWay(rule: TwoWayRule, deps: TwoWayDeps): Promise<TwoWayReport> {
  const now = deps.now?.() ?? new Date();
  const log = deps.logger.child({ twoWayRule: rule.id });
  const from = new Date(now.getTime() - rule.window.daysBack * 86_400_000);
  const to = new Date(now.getTime() + rule.window.daysAhead * 86_400_000);
  const state = await loadTwoWayState(deps.stateDir, rule.id);
  const [va, vb] = await Promise.all([readSide(rule, 'a', deps.a, from, to), readSide(rule, 'b', deps.b, from, to)]);
  const views: Record<SideName, SideView> = { a: va, b: vb };
  const report: TwoWayReport = {
    rule: rule.id,
    created: { a: 0, b: 0 },
    updated: { a: 0, b: 0 },
    deleted: { a: 0, b: 0 },
    unchanged: 0,
    conflicts: [],
    errors: [],
  };

  const keys = new Set([...Object.keys(state.pairs), ...va.natives.keys(), ...vb.natives.keys(), ...va.copies.keys(), ...vb.copies.keys()]);
  const planned: Planned[] = [];
  const extraCopies: Array<{ side: SideName; item: OwnedItem }> = [];
  for (const key of keys) {
    const origin: SideName = key.startsWith('a:') ? 'a' : 'b';
    const native = views[origin].natives.get(key);
    const [copy, ...duplicates] = views[other(origin)].copies.get(key) ?? [];
    // Overwrite never writes to the master side, not even to tidy up its duplicate copies.
    if (rule.mode !== 'overwrite' || other(origin) !== rule.master)
      duplicates.forEach((item) => extraCopies.push({ side: other(origin), item }));
    const decision = decide(rule, {
      origin,
      native: native && { id: native.id, hash: versionHash(native) },
      copy: copy && { id: copy.id, hash: versionHash(copy) },
      state: state.pairs[key],
    });
    planned.push({ key, origin, decision, native, copy });
    if (decision.conflict) {
      const versions = { [origin]: describeVersion(native), [other(origin)]: describeVersion(copy && copyVersion(copy)) } as Record<
        SideName,
        Record<string, unknown> | null
      >;
      const entry: ConflictEntry = {
        time: now.toISOString(),
        rule: rule.id,
        key,
        master: rule.master,
        winner: decision.conflict.winner,
        action: decision.action,
        a: versions.a,
        b: versions.b,
      };
      report.conflicts.push(entry);
      log.warn('twoway.conflict', { ...entry });
    }
  }

  const next: TwoWayState = { version: 1, pairs: {} };
  const settle = (p: Planned, ok: boolean, written?: WriteOutcome) => settlePair(next, state, p, ok, written);
  for (const side of ['a', 'b'] as SideName[]) {
    const cfg = rule[side];
    const writer = deps[side].writer;
    const upserts: Array<{ p: Planned; req: WriteRequest; kind: 'created' | 'updated' }> = [];
    const deletes: Array<{ p?: Planned; id: string }> = extraCopies.filter((x) => x.side === side).map((x) => ({ id: x.item.id }));
    for (const p of planned) {
      const a = p.decision.action;
      const far = other(p.origin);
      if (side === far && a === 'createCopy')
        upserts.push({ p, kind: 'created', req: { appointment: appointmentOf(p.native!), tag: { scope: rule.id, sourceKey: p.key } } });
      else if (side === far && a === 'updateCopy')
        upserts.push({
          p,
          kind: 'updated',
          req: {
            appointment: appointmentOf(p.native!),
            tag: { scope: rule.id, sourceKey: p.key },
            existing: { id: p.copy!.id, changeKey: p.copy!.changeKey },
            ifUnchanged: true,
          },
        });
      else if (side === p.origin && a === 'updateNative')
        upserts.push({
          p,
          kind: 'updated',
          req: {
            appointment: { ...appointmentOf(copyVersion(p.copy!)), timeZone: p.native!.timeZone },
            existing: { id: p.native!.id },
            fields: nativeFields(p.native!),
          },
        });
      else if (side === far && a === 'deleteCopy') deletes.push({ p, id: p.copy!.id });
      else if (side === p.origin && a === 'deleteNative') deletes.push({ p, id: p.native!.id });
    }
    const fail = (p: Planned | undefined, e: unknown) =>
      report.errors.push({ key: p?.key ?? '(duplicate copy)', side, error: toCalpumpError(e).info() });
    if (deps.dryRun) {
      report.planned ??= [];
      for (const u of upserts) {
        report[u.kind][side]++;
        report.planned.push({ side, action: u.kind === 'created' ? 'create' : 'update', key: u.p.key, subject: u.req.appointment.subject });
      }
      for (const d of deletes) {
        report.deleted[side]++;
        report.planned.push({
          side,
          action: 'delete',
          key: d.p?.key ?? '(duplicate copy)',
          subject: d.p && (d.p.native ?? d.p.copy)?.subject,
        });
      }
      continue;
    }
    if (upserts.length) {
      const outcomes = await batch(
        'update',
        () =>
          writer.upsert(
            cfg.mailbox,
            cfg.folder,
            upserts.map((u) => u.req),
          ),
        upserts.length,
      );
      outcomes.forEach((o, i) => {
        const u = upserts[i];
        if (o.ok) report[u.kind][side]++;
        else fail(u.p, o.error);
        settle(u.p, o.ok, o);
      });
    }
    if (deletes.length) {
      const outcomes = await batch(
        'delete',
        () =>
          writer.delete(
            cfg.mailbox,
            deletes.map((d) => d.id),
          ),
        deletes.length,
      );
      outcomes.forEach((o, i) => {
        const d = deletes[i];
        if (o.ok) report.deleted[side]++;
        else fail(d.p, o.error);
        if (d.p) settle(d.p, o.ok);
      });
    }
  }
  for (const p of planned) {
    if (['none', 'record', 'suppress', 'detach'].includes(p.decision.action)) {
      if (p.decision.action === 'none') report.unchanged++;
      settle(p, true);
    }
  }
  if (deps.dryRun) {
    log.info('twoway.dryRun', {
      mode: rule.mode,
      created: report.created,
      updated: report.updated,
      deleted: report.deleted,
      conflicts: report.conflicts.length,
    });
    return report;
  }
  await saveTwoWayState(deps.stateDir, rule.id, next);
  await appendConflicts(deps.stateDir, rule.id, report.conflicts);
  log.info('twoway.done', {
    mode: rule.mode,
    created: report.created,
    updated: report.updated,
    deleted: report.deleted,
    conflicts: report.conflicts.length,
    errors: report.errors.length,
  });
  return report;
}

/**
 * One write batch on one side; a batch that throws (the side went away mid-run) fails each of its items, so the
 * other side's writes and every untouched pair still reach the saved state and this side is retried next run.
 */
async function batch(action: WriteOutcome['action'], write: () => Promise<WriteOutcome[]>, n: number): Promise<WriteOutcome[]> {
  try {
    return await write();
  } catch (e) {
    const error = toCalpumpError(e);
    return Array.from({ length: n }, () => ({ action, ok: false, error }));
  }
}

/** The state a pair is in after its action (or the old state when the write failed: the next run retries). */
function settlePair(next: TwoWayState, prev: TwoWayState, p: Planned, ok: boolean, written?: WriteOutcome): void {
  const old = prev.pairs[p.key];
  if (!ok) {
    if (old) next.pairs[p.key] = old;
    return;
  }
  const n = p.native && { id: p.native.id, hash: versionHash(p.native) };
  const c = p.copy && { id: p.copy.id, hash: versionHash(p.copy) };
  switch (p.decision.action) {
    case 'createCopy':
    case 'updateCopy':
      next.pairs[p.key] = { origin: p.origin, native: n!, copy: { id: written?.id ?? c?.id ?? '', hash: n!.hash } };
      return;
    case 'updateNative':
      next.pairs[p.key] = { origin: p.origin, native: { id: written?.id ?? n!.id, hash: c!.hash }, copy: c! };
      return;
    case 'record':
      next.pairs[p.key] = { origin: p.origin, native: n!, copy: c };
      return;
    case 'suppress':
      next.pairs[p.key] = { origin: p.origin, native: n!, suppressed: true };
      return;
    case 'detach':
      next.pairs[p.key] = { ...(old ?? { origin: p.origin, native: { id: '', hash: '' } }), copy: c, detached: true };
      return;
    case 'deleteCopy':
    case 'deleteNative':
      return;
    case 'none':
      if (old) next.pairs[p.key] = old;
  }
}
