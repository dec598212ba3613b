// Free/busy through getSchedule: no read right on the calendars needed, up to 100 mailboxes per call.
import type { FreeBusyBlock, ShowAs } from '../../../../shared/model.js';
import type { AvailabilityOptions } from '../../connector.js';
import { graphPost, seg, type GraphContext } from '../graph-context.js';
import { graphFailure } from '../graph-errors.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { graphInstant, type GraphDateTime } from '../graph-time.js';

interface Schedule {
  scheduleId: string;
  scheduleItems?: Array<{ status?: string; start?: GraphDateTime | null; end?: GraphDateTime | null }>;
  error?: { message?: string; responseCode?: string };
}

const SHOW_AS = new Set(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']);

/** getSchedule reports a failed mailbox inside a 200 answer; the status it would have had picks the catalogue entry. */
function statusOf(code: string): number {
  if (/NotFound|Unresolved/i.test(code)) return 404;
  if (/Access|Denied|Permission|Forbidden/i.test(code)) return 403;
  return 502;
}

export async function availability(
  ctx: GraphContext,
  mailboxes: string[],
  from: Date,
  to: Date,
  opts: AvailabilityOptions = {},
): Promise<FreeBusyBlock[]> {
  const out: FreeBusyBlock[] = [];
  for (let i = 0; i < mailboxes.length; i += 100) {
    const chunk = mailboxes.slice(i, i + 100);
    const res = await graphPost<{ value?: Schedule[] }>(
      ctx,
      `/users/${seg(chunk[0])}/calendar/getSchedule`,
      {
        schedules: chunk,
        startTime: { dateTime: from.toISOString().slice(0, 19), timeZone: 'UTC' },
        endTime: { dateTime: to.toISOString().slice(0, 19), timeZone: 'UTC' },
        availabilityViewInterval: 30,
      },
      { Prefer: 'outlook.timezone="UTC"' },
    );
    for (const s of res.value ?? []) {
      if (s.error) {
        ctx.logger.warn('graph.schedule.failed', { mailbox: s.scheduleId, code: s.error.responseCode });
        if (opts.onMailboxError) {
          const code = s.error.responseCode ?? 'unknown';
          const errCtx = await ctx.errorContext({ operation: 'getSchedule', mailbox: s.scheduleId });
          opts.onMailboxError(
            s.scheduleId,
            graphFailure(statusOf(code), { error: { code, message: s.error.message ?? '' } }, { ...errCtx, mailbox: s.scheduleId }),
          );
        }
        continue;
      }
      // Every block in the zone it names; one that cannot be placed fails this mailbox (reported), because a
      // left-out busy block would read as free time.
      const blocks: FreeBusyBlock[] = [];
      let bad: CalpumpError | undefined;
      for (const item of s.scheduleItems ?? []) {
        const start = item.start ? graphInstant(item.start) : undefined;
        const end = item.end ? graphInstant(item.end) : undefined;
        if (!start || !end) {
          bad = new CalpumpError('graph.event.timeZoneUnknown', {
            params: { itemId: 'getSchedule', timeZone: String((item.start ?? item.end)?.timeZone ?? ''), mailbox: s.scheduleId },
            evidence: `getSchedule block ${JSON.stringify(item.start)}–${JSON.stringify(item.end)}`,
          });
          break;
        }
        blocks.push({ mailbox: s.scheduleId, start, end, showAs: (SHOW_AS.has(item.status ?? '') ? item.status : 'unknown') as ShowAs });
      }
      if (bad) {
        ctx.logger.warn('graph.schedule.failed', { mailbox: s.scheduleId, errorId: bad.id, evidence: bad.evidence });
        opts.onMailboxError?.(s.scheduleId, bad);
        continue;
      }
      out.push(...blocks);
    }
  }
  return out;
}
