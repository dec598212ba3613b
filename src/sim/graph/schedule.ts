// POST /users/{id}/calendar/getSchedule: free/busy for up to 100 mailboxes, no read right on them needed.
import { eventsInFolder, mailboxOf } from '../world/world.js';
import { expandEvent } from '../world/recurrence.js';
import { requireRole } from './access.js';
import { graphDateTime, graphError, ok, odataContext, parseQueryTime, type GraphRequest, type GraphResult } from './graph-http.js';

interface ScheduleBody {
  schedules?: string[];
  startTime?: { dateTime?: string; timeZone?: string };
  endTime?: { dateTime?: string; timeZone?: string };
  availabilityViewInterval?: number;
}

const VIEW: Record<string, string> = { free: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4', unknown: '0' };

export function getSchedule(req: GraphRequest): GraphResult {
  const denied = requireRole(req, 'Calendars.Read', ['Calendars.Read', 'Calendars.Read.Shared']);
  if (denied) return denied;
  const b = (req.body ?? {}) as ScheduleBody;
  const from = parseQueryTime(b.startTime?.dateTime ?? null);
  const to = parseQueryTime(b.endTime?.dateTime ?? null);
  if (!b.schedules?.length || from === undefined || to === undefined)
    return graphError(400, 'ErrorInvalidRequest', 'The request is invalid: schedules, startTime and endTime are required.');
  if (b.schedules.length > 100) return graphError(400, 'ErrorInvalidRequest', 'The number of schedules cannot exceed 100.');
  const interval = (b.availabilityViewInterval ?? 30) * 60_000;
  const value = b.schedules.map((smtp) => {
    const mb = mailboxOf(req.ctx.world, smtp);
    if (!mb)
      return {
        scheduleId: smtp,
        availabilityView: '',
        error: { message: `The e-mail address '${smtp}' could not be resolved.`, responseCode: 'ErrorMailRecipientNotFound' },
      };
    const items = eventsInFolder(req.ctx.world, mb.distinguished.calendar)
      .flatMap((ev) => expandEvent(ev, from, to))
      .filter((x) => !x.isCancelled && x.showAs !== 'free')
      .sort((a, b2) => (a.start < b2.start ? -1 : 1));
    let view = '';
    for (let t = from; t < to; t += interval) {
      const slot = items.filter((x) => Date.parse(x.start) < t + interval && Date.parse(x.end) > t).map((x) => VIEW[x.showAs] ?? '2');
      view += slot.length ? slot.sort().at(-1) : '0';
    }
    return {
      scheduleId: mb.smtp,
      availabilityView: view,
      scheduleItems: items.map((x) => ({
        isPrivate: x.master.sensitivity === 'private',
        status: x.showAs,
        start: { dateTime: graphDateTime(x.start), timeZone: 'UTC' },
        end: { dateTime: graphDateTime(x.end), timeZone: 'UTC' },
      })),
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: 'UTC' },
      },
    };
  });
  return ok({ '@odata.context': odataContext(req.ctx, 'Collection(microsoft.graph.scheduleInformation)'), value });
}
