// The export window from either relative days (--days-back / --days-ahead, counted in whole UTC days from
// today 00:00Z, today included) or absolute dates (--from / --to; a plain date in --to is inclusive).
import { CalpumpError } from '../../../core/errors/calpump-error.js';

const DAY_MS = 86_400_000;

export interface WindowFlags {
  daysBack?: number;
  daysAhead?: number;
  from?: string;
  to?: string;
}

export function exportWindow(flags: WindowFlags, now: Date): { from: Date; to: Date } {
  const bad = (field: string, problem: string) => new CalpumpError('input.invalid', { params: { field, problem } });
  const relative = flags.daysBack !== undefined || flags.daysAhead !== undefined;
  const absolute = flags.from !== undefined || flags.to !== undefined;
  if (relative && absolute) throw bad('window', 'give either --days-back/--days-ahead or --from/--to, not both');
  if (relative) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return { from: new Date(today - (flags.daysBack ?? 0) * DAY_MS), to: new Date(today + ((flags.daysAhead ?? 0) + 1) * DAY_MS) };
  }
  if (absolute) {
    if (flags.from === undefined || flags.to === undefined)
      throw bad(flags.from === undefined ? '--from' : '--to', 'give both --from and --to');
    const from = parseDate('--from', flags.from, false);
    const to = parseDate('--to', flags.to, true);
    if (from.getTime() >= to.getTime()) throw bad('--to', 'the window must end after it starts');
    return { from, to };
  }
  throw bad('window', 'give the window: --days-back 7 --days-ahead 30, or --from 2026-01-01 --to 2026-01-31');
}

function parseDate(field: string, value: string, endOfDay: boolean): Date {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const d = new Date(`${v}T00:00:00.000Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(v)) return endOfDay ? new Date(d.getTime() + DAY_MS) : d;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new CalpumpError('input.invalid', {
    params: { field, problem: `"${value}" is not a date: use YYYY-MM-DD or an ISO time with zone (2026-01-31T17:00:00Z)` },
  });
}
