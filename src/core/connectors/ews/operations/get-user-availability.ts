// GetUserAvailability (free/busy only): needs no read right on the calendars, only the mailbox addresses.
import type { FreeBusyBlock, ShowAs } from '../../../../shared/model.js';
import type { CalpumpError } from '../../../errors/calpump-error.js';
import { errorForResponseCode } from '../ews-errors.js';
import { isoOf, libraryCall, toLibraryDate } from '../library-call.js';
import { callContext, type EwsSession } from '../session.js';

const SHOW_AS: Record<string, ShowAs> = {
  Free: 'free',
  Tentative: 'tentative',
  Busy: 'busy',
  OOF: 'oof',
  WorkingElsewhere: 'workingElsewhere',
  NoData: 'unknown',
};

/** Exchange accepts at most 100 attendees per request and a window of up to 42 days. */
export const AVAILABILITY_MAX_MAILBOXES = 100;

export async function getUserAvailability(
  s: EwsSession,
  mailboxes: string[],
  from: Date,
  to: Date,
  onMailboxError?: (mailbox: string, error: CalpumpError) => void,
): Promise<FreeBusyBlock[]> {
  const ctx = callContext(s, undefined, undefined, false);
  return libraryCall(ctx, async (svc, ews) => {
    const window = new ews.TimeWindow(toLibraryDate(ews, from), toLibraryDate(ews, to));
    const res = await svc.GetUserAvailability(
      mailboxes.map((m) => new ews.AttendeeInfo(m)),
      window,
      ews.AvailabilityData.FreeBusy,
    );
    const blocks: FreeBusyBlock[] = [];
    const list = res.AttendeesAvailability.Responses;
    list.forEach((a, i) => {
      const mailbox = mailboxes[i];
      if (a.Result === ews.ServiceResult.Error) {
        // One unknown or unreachable address must not hide everybody else's free/busy.
        const err = errorForResponseCode(ews.ServiceError[a.ErrorCode], a.ErrorMessage ?? '', {
          url: s.url,
          username: s.username,
          access: s.access,
          mailbox,
        });
        s.logger.warn('ews.availability.mailboxFailed', { mailbox, errorId: err.id, evidence: err.evidence });
        onMailboxError?.(mailbox, err);
        return;
      }
      for (const ev of a.CalendarEvents ?? []) {
        blocks.push({
          mailbox,
          start: isoOf(ev.StartTime)!,
          end: isoOf(ev.EndTime)!,
          showAs: SHOW_AS[ews.LegacyFreeBusyStatus[ev.FreeBusyStatus]] ?? 'unknown',
        });
      }
    });
    return blocks;
  });
}
