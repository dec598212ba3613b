// A stored job of type 'twoway' run like any other job: the saved rule names both calendars and their profiles
// (a side without one uses the job's profile), runTwoWay keeps them in step, and the report becomes a RunRecord
// with one result per side. A side that cannot be opened or read fails alone in the record; nothing is written
// and the rule's state stays as it was, so the next run picks up where the last good one left off.
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import { text } from '../../shared/i18n/engine-texts.js';
import type { Logger } from '../log/logger.js';
import type { JobRunResult, RunJobOptions } from '../sync/run-job.js';
import { runTyped, type TypedRun } from '../sync/typed-run.js';
import type { Job, PumpEvent } from '../../shared/job.js';
import { runTwoWay, type TwoWayReport, type TwoWaySide } from './run-twoway.js';
import type { SideName, TwoWayRule } from './twoway-rule.js';

/** Where a host keeps its two-way rules: the saved rules and the folder of their state and conflict logs. */
export interface TwoWayJobRules {
  get(id: string): Promise<TwoWayRule>;
  /** The same folder `calpump twoway` uses, so a rule run by hand and by its job share one state. */
  stateDir: string;
}

/** What a two-way job needs from its host: the rules and a connector + writer for a profile (name or id). */
export interface TwoWayJobHost extends TwoWayJobRules {
  openSide(profile: string): Promise<TwoWaySide>;
}

export interface TwoWayJobRunDeps {
  twoWay?: TwoWayJobHost;
  logger: Logger;
  now?: () => Date;
  onEvent?: (e: PumpEvent) => void;
  newRunId?: () => string;
  startedAt?: string;
}

const SIDES: SideName[] = ['a', 'b'];

/** Remembers which side threw first while reading, so a failed run blames the right calendar. */
function watched(name: SideName, side: TwoWaySide, blame: (s: SideName) => void): TwoWaySide {
  const connector = new Proxy(side.connector, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop !== 'calendarView' || typeof v !== 'function')
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      return (...args: unknown[]) => guard((v as (...a: unknown[]) => AsyncIterable<unknown>).apply(target, args), () => blame(name));
    },
  });
  const writer = new Proxy(side.writer, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== 'function') return v;
      if (prop !== 'listOwned') return (v as (...a: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) =>
        (v as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((e: unknown) => {
          blame(name);
          throw e;
        });
    },
  });
  return { connector, writer };
}

async function* guard<T>(items: AsyncIterable<T>, onError: () => void): AsyncIterable<T> {
  try {
    yield* items;
  } catch (e) {
    onError();
    throw e;
  }
}

export async function runTwoWayJob(job: Job, deps: TwoWayJobRunDeps, opts: RunJobOptions = {}): Promise<JobRunResult> {
  return runTyped(
    job,
    'twoway',
    deps,
    opts,
    (f) => (opts.dryRun ? 0 : f.upserts + f.deletes),
    async (run) => {
      const host = deps.twoWay;
      if (!host)
        throw new CalpumpError('input.invalid', {
          params: { field: 'type', problem: text('problem.host.noTwoWay') },
        });
      if (!job.twoway)
        throw new CalpumpError('input.invalid', {
          params: { field: 'twoway.ruleId', problem: text('problem.job.twowayRuleMissing') },
        });
      const rule = await host.get(job.twoway.ruleId);
      run.started(SIDES.length);
      let failedSide: SideName | undefined;
      const blame = (s: SideName) => void (failedSide ??= s);
      const opened: TwoWaySide[] = [];
      try {
        let report: TwoWayReport;
        try {
          const sides = {} as Record<SideName, TwoWaySide>;
          for (const s of SIDES) {
            blame(s); // until it is open, a failure belongs to this side
            const side = await host.openSide(rule[s].profile ?? job.profile);
            opened.push(side);
            sides[s] = watched(s, side, blame);
            failedSide = undefined;
          }
          report = await runTwoWay(rule, {
            a: sides.a,
            b: sides.b,
            stateDir: host.stateDir,
            logger: run.log,
            now: run.now,
            dryRun: run.dryRun,
          });
        } catch (e) {
          if (!failedSide) throw e;
          oneSideFailed(run, rule, failedSide, e);
          return;
        }
        recordReport(run, rule, report);
      } finally {
        await Promise.all(opened.flatMap((s) => [s.connector.close(), s.writer.close()]).map((p) => p.catch(() => undefined)));
      }
    },
  );
}

function oneSideFailed(run: TypedRun, rule: TwoWayRule, bad: SideName, e: unknown): void {
  const error = toCalpumpError(e).info();
  run.log.warn('twoway.job.sideFailed', { side: bad, mailbox: rule[bad].mailbox, errorId: error.id });
  for (const s of SIDES) {
    const base = { mailbox: rule[s].mailbox, folder: rule[s].folder, items: 0, upserts: 0, deletes: 0 };
    run.finished(s === bad ? { ...base, ok: false, error } : { ...base, ok: true }, SIDES.length);
  }
}

function recordReport(run: TypedRun, rule: TwoWayRule, report: TwoWayReport): void {
  for (const p of report.planned ?? [])
    run.log.info('twoway.wouldWrite', { side: p.side, mailbox: rule[p.side].mailbox, action: p.action, key: p.key, subject: p.subject });
  if (report.conflicts.length)
    run.log.warn('twoway.job.conflicts', { count: report.conflicts.length, master: rule.master, keys: report.conflicts.map((c) => c.key) });
  for (const s of SIDES) {
    const [first, ...rest] = report.errors.filter((e) => e.side === s);
    const upserts = report.created[s] + report.updated[s];
    const deletes = report.deleted[s];
    run.finished(
      {
        mailbox: rule[s].mailbox,
        folder: rule[s].folder,
        ok: !first,
        items: upserts + deletes,
        upserts,
        deletes,
        ...(first ? { error: first.error } : {}),
      },
      SIDES.length,
    );
    for (const e of rest) run.error({ mailbox: rule[s].mailbox, folder: rule[s].folder, error: e.error });
  }
}
